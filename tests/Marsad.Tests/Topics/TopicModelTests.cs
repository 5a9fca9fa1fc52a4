using Marsad.Analysis.Topics;

namespace Marsad.Tests.Topics;

public class TopicModelTests
{
    private static readonly (string Title, string Body)[] Probes =
    [
        ("اللاعب يسجل هدف الفوز", "سجل اللاعب هدفا في المباراة وفاز الفريق بالدوري"),
        ("هبوط الأسهم", "تراجعت أسهم الشركات في البورصة مع ارتفاع سعر الفائدة"),
        ("أمسية شعرية", "قرأ الشعراء قصائد جديدة في أمسية ثقافية بمعرض الكتاب"),
        ("", "نص بلا عنوان"),
    ];

    [Fact]
    public void SaveLoad_RoundTripGivesIdenticalPredictions()
    {
        var model = TopicTrainer.Train(TopicExamples.Train, TopicExamples.Train, TopicExamples.SmallOptions);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = TopicModel.Load(stream);

        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.Temperature, loaded.Temperature);
        foreach (var (title, body) in Probes)
        {
            var a = model.Predict(title, body);
            var b = loaded.Predict(title, body);
            Assert.Equal(a.Label, b.Label);
            Assert.Equal(a.Confidence, b.Confidence);
            Assert.Equal(a.Probabilities, b.Probabilities);
        }
    }

    [Fact]
    public void Train_IsDeterministic()
    {
        static byte[] Bytes(TopicModel m)
        {
            using var s = new MemoryStream();
            m.Save(s);
            return s.ToArray();
        }
        var options = TopicExamples.SmallOptions with { Threads = 2 };

        Assert.Equal(Bytes(TopicTrainer.Train(TopicExamples.Train, null, options)),
            Bytes(TopicTrainer.Train(TopicExamples.Train, null, options)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Train_LearnsHandWrittenTopics(bool sourceClasses)
    {
        var model = TopicTrainer.Train(TopicExamples.Train, null, TopicExamples.SmallOptions with { SourceClasses = sourceClasses });

        Assert.Equal(["culture", "economy", "sport"], model.Labels);
        Assert.Equal("sport", model.Predict(Probes[0].Title, Probes[0].Body).Label);
        Assert.Equal("economy", model.Predict(Probes[1].Title, Probes[1].Body).Label);
        Assert.Equal("culture", model.Predict(Probes[2].Title, Probes[2].Body).Label);
    }

    [Fact]
    public void Predict_ProbabilitiesSumToOneAndConfidenceIsTheWinner()
    {
        var model = TopicTrainer.Train(TopicExamples.Train, TopicExamples.Train, TopicExamples.SmallOptions);

        var p = model.Predict(Probes[1].Title, Probes[1].Body);

        Assert.Equal(1.0, p.Probabilities.Values.Sum(), 9);
        Assert.Equal(p.Probabilities.Values.Max(), p.Confidence);
        Assert.Equal(p.Confidence, p.Probabilities[p.Label]);
    }

    [Fact]
    public void Load_RejectsDataThatIsNotAModel()
    {
        using var empty = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(empty, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(z))
            w.Write("something else");
        empty.Position = 0;

        Assert.Throws<InvalidDataException>(() => TopicModel.Load(empty));
    }

    [Fact]
    public void LeaveOneSourceOut_TrainsWithoutTheHeldOutSource()
    {
        // Outlet B files every text of outlet A under a different topic. A model that never saw the held-out
        // outlet reproduces the other outlet's topics, so it gets every held-out article wrong.
        string Rotate(string label) => label switch { "sport" => "economy", "economy" => "culture", _ => "sport" };
        var a = TopicExamples.Train.Select(t => t with { Source = "A" }).ToList();
        var b = TopicExamples.Train.Select(t => t with { Source = "B", Label = Rotate(t.Label) }).ToList();
        var all = a.Concat(b).ToList();

        var results = TopicEvaluator.LeaveOneSourceOut(all, null, all, TopicExamples.SmallOptions);

        Assert.Equal(["A", "B"], results.Keys);
        Assert.All(results.Values, r => Assert.Equal(12, r.Count));
        Assert.All(results.Values, r => Assert.Equal(0, r.Accuracy));
    }

    public static TheoryData<string> HeadOptions => ["source", "outlet+adapted", "source+adapted", "label-only"];

    private static TopicTrainingOptions OptionsFor(string heads) => heads switch
    {
        "source" => TopicExamples.SmallOptions with { OutletAdaptedHead = false },
        "outlet+adapted" => TopicExamples.SmallOptions with { OutletAdaptedHead = true, OutletHead = true },
        "source+adapted" => TopicExamples.SmallOptions with { OutletAdaptedHead = true, OutletHead = false },
        _ => TopicExamples.SmallOptions with { SourceClasses = false },
    };

    [Theory]
    [MemberData(nameof(HeadOptions))]
    public void EveryHeadLayout_LearnsHandWrittenTopicsAndSurvivesSaveLoad(string heads)
    {
        var model = TopicTrainer.Train(TopicExamples.Train, TopicExamples.Train, OptionsFor(heads));
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = TopicModel.Load(stream);

        Assert.Equal("sport", loaded.Predict(Probes[0].Title, Probes[0].Body).Label);
        Assert.Equal("economy", loaded.Predict(Probes[1].Title, Probes[1].Body).Label);
        Assert.Equal("culture", loaded.Predict(Probes[2].Title, Probes[2].Body).Label);
        foreach (var (title, body) in Probes)
        {
            var p = loaded.Predict(title, body);
            Assert.Equal(model.Predict(title, body).Probabilities, p.Probabilities);
            Assert.Equal(1.0, p.Probabilities.Values.Sum(), 9);
        }
    }

    [Fact]
    public void Predict_IsTheSameWhateverWasPredictedBefore()
    {
        // The featuriser reuses its counting table between documents: nothing of one may leak into the next.
        var model = TopicTrainer.Train(TopicExamples.Train, null, TopicExamples.SmallOptions with { HashBits = 10 });
        var first = Probes.Select(p => model.Predict(p.Title, p.Body).Probabilities.Values.ToArray()).ToArray();
        var longText = string.Join(" ", Enumerable.Repeat(TopicExamples.Train[0].Body + " " + TopicExamples.Train[4].Body, 200));
        model.Predict("عنوان", longText);

        for (var i = 0; i < Probes.Length; i++)
            Assert.Equal(first[i], model.Predict(Probes[i].Title, Probes[i].Body).Probabilities.Values.ToArray());
    }

    [Fact]
    public void Probabilities_AreADictionaryOfEveryLabel()
    {
        var model = TopicTrainer.Train(TopicExamples.Train, TopicExamples.Train, TopicExamples.SmallOptions);

        var p = model.Predict(Probes[0].Title, Probes[0].Body).Probabilities;

        Assert.Equal(model.Labels, p.Keys);
        Assert.True(p.ContainsKey("sport"));
        Assert.False(p.ContainsKey("weather"));
        Assert.False(p.TryGetValue("weather", out _));
        Assert.Throws<KeyNotFoundException>(() => p["weather"]);
        Assert.Equal(p.Values, p.Select(kv => kv.Value));
    }
}
