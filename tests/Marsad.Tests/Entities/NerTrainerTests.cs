using Marsad.Analysis.Entities;
using Marsad.Analysis.Entities.Neural;

namespace Marsad.Tests.Entities;

public class NerTrainerTests
{
    private static ConllSentence S(string tokens, string tags) => new(tokens.Split(' '), tags.Split(' '));

    private static readonly ConllSentence[] Train =
    [
        S("وصل الوزير سمير حداد إلى حلب أمس", "O O B-PERS I-PERS O B-LOC O"),
        S("غادر الوزير كريم نصار إلى حمص اليوم", "O O B-PERS I-PERS O B-LOC O"),
        S("التقى السفير سمير حداد في حمص", "O O B-PERS I-PERS O B-LOC"),
        S("أصدرت جمعية الهلال بيانا في حلب", "O B-ORG I-ORG O O B-LOC"),
        S("وقال حداد إن جمعية الهلال تعمل في حمص", "O B-PERS O B-ORG I-ORG O O B-LOC"),
        S("سافر كريم نصار إلى حلب", "O B-PERS I-PERS O B-LOC"),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Learns_a_small_training_set(bool documentContext)
    {
        var options = new NerTrainingOptions { Epochs = 10, DocumentContext = documentContext, JackknifeFolds = 2, EntityBias = 0 };

        var model = NerTrainer.Train(Train, options, NerResources.Empty);

        Assert.Equal(documentContext, model.UsesDocumentContext);
        var e = NerEvaluator.Evaluate(model, Train);
        Assert.Equal(100.0, e.MicroF1, 6);
        Assert.True(e.TokensPerSecond > 0);
    }

    [Fact]
    public void A_crf_stage_learns_a_small_training_set()
    {
        var options = new NerTrainingOptions { Epochs = 30, Crf = true, CrfC = 100, CrfRate = 0.5, DocumentContext = false, WordDropout = 0, EntityBias = 0 };

        var model = NerTrainer.Train(Train, options, NerResources.Empty);

        Assert.Equal(100.0, NerEvaluator.Evaluate(model, Train).MicroF1, 6);
    }

    [Fact]
    public void Averaged_runs_learn_the_set_and_change_the_weights()
    {
        var single = NerTrainer.Train(Train, new NerTrainingOptions { Epochs = 10, JackknifeFolds = 2, EntityBias = 0, AveragedRuns = 1 }, NerResources.Empty);
        var averaged = NerTrainer.Train(Train, new NerTrainingOptions { Epochs = 10, JackknifeFolds = 2, EntityBias = 0, AveragedRuns = 3 }, NerResources.Empty);

        Assert.Equal(100.0, NerEvaluator.Evaluate(averaged, Train).MicroF1, 6);
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        single.Save(a);
        averaged.Save(b);
        Assert.NotEqual(a.ToArray(), b.ToArray());
    }

    [Theory]
    [InlineData("وليد", NerTriggers.GivenName)]
    [InlineData("ووليد", NerTriggers.GivenName)]
    [InlineData("سيباستيان", NerTriggers.GivenName)]
    [InlineData("سلطان", NerTriggers.PersonTitle)]
    [InlineData("ليد", NerTriggers.None)]
    [InlineData("على", NerTriggers.None)]
    public void Given_names_are_a_cue_only_as_written(string word, byte expected)
    {
        var n = ArabicForms.Normalize(word);
        ArabicForms.SplitProclitics(n, out var bare, out _);

        Assert.Equal(expected, NerTriggers.Lookup(n.AsSpan(bare), n));
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var options = new NerTrainingOptions { Epochs = 5, JackknifeFolds = 2 };
        var a = NerTrainer.Train(Train, options, NerResources.Empty);
        var b = NerTrainer.Train(Train, options, NerResources.Empty);

        using var sa = new MemoryStream();
        using var sb = new MemoryStream();
        a.Save(sa);
        b.Save(sb);
        Assert.Equal(sa.ToArray(), sb.ToArray());
    }

    [Fact]
    public void Resources_round_trip_through_a_stream()
    {
        using var stream = new MemoryStream();
        NerResources.Empty.Save(stream);
        stream.Position = 0;
        var back = NerResources.Load(stream);
        Assert.Equal(0, back.GazetteerEntries);
        Assert.Equal(0, back.ClusterVocabulary);
    }

    /// <summary>Random unit-scale vectors for the training words, rounded as resources round them.</summary>
    private static NerResources WithVectors()
    {
        var words = Train.SelectMany(s => s.Tokens).Select(t => ArabicForms.Normalize(t)).Distinct().ToArray();
        var rng = new Random(3);
        var vectors = new float[words.Length * 8];
        for (var i = 0; i < vectors.Length; i++) vectors[i] = (float)(rng.NextDouble() * 2 - 1);
        return new NerResources([], [], null, new WordVectors(words, vectors, 8).Rounded4());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Neural_taggers_join_the_model_and_survive_saving(bool languageModel)
    {
        var options = new NerTrainingOptions
        {
            Epochs = 10, JackknifeFolds = 2, EntityBias = 0, NeuralModels = 2, NeuralWeight = 2, SelfTrainingStride = 0,
            Neural = new NeuralTrainingOptions
            {
                Hidden = 8, Embedding = 4, AffixBuckets = 256, Epochs = 5,
                LanguageModel = languageModel, LanguageModelHidden = 6, LanguageModelStride = 1,
            },
        };
        var resources = languageModel ? WithVectors().WithNews(Directory.GetParent(SharedData.Path("data"))!.FullName, maxDocuments: 30) : WithVectors();

        var model = NerTrainer.Train(Train, options, resources);

        Assert.NotNull(model.Neural);
        Assert.Equal(languageModel, model.Neural.LanguageModel is not null);
        Assert.Equal(languageModel ? 12 : 0, model.Neural.Members[0].Network.ContextDimensions);
        Assert.Equal(2, model.Neural.Members.Count);
        Assert.Equal(2f, model.NeuralWeight);
        Assert.Equal(100.0, NerEvaluator.Evaluate(model, Train).MicroF1, 6);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var reloaded = NerModel.Load(stream);
        Assert.Equal(model.NeuralWeight, reloaded.NeuralWeight);
        Assert.Equal(model.Neural.Vectors.Vectors, reloaded.Neural!.Vectors.Vectors);
        Assert.Equal(model.Neural.Members[1].Network.Parameters, reloaded.Neural.Members[1].Network.Parameters);
        Assert.Equal(model.Neural.LanguageModel?.Network.Parameters, reloaded.Neural.LanguageModel?.Network.Parameters);
        Assert.Equal(model.Neural.LanguageModel?.Head, reloaded.Neural.LanguageModel?.Head);
        var tokens = Train.Select(s => s.Tokens).ToArray();
        Assert.Equal(new NerTagger(model).TagDocument(tokens), new NerTagger(reloaded).TagDocument(tokens));
    }

    [Fact]
    public void Neural_scores_change_the_emissions_only_when_weighted()
    {
        var options = new NerTrainingOptions
        {
            Epochs = 10, JackknifeFolds = 2, NeuralModels = 1,
            Neural = new NeuralTrainingOptions { Hidden = 8, Embedding = 4, AffixBuckets = 256, Epochs = 5 },
        };
        var resources = WithVectors();
        var linear = NerTrainer.Train(Train, options with { NeuralModels = 0 }, resources);
        var neural = NerTrainer.Train(Train, options, resources);

        Assert.Null(linear.Neural);
        Assert.Equal(0f, linear.NeuralWeight);
        // The perceptron part is trained the same way either way.
        Assert.Equal(linear.FeatureCount, neural.FeatureCount);
        var tokens = Train.Select(s => s.Tokens).ToArray();
        Assert.Equal(new NerTagger(linear).TagDocument(tokens), new NerTagger(neural.WithNeural(null, 0)).TagDocument(tokens));
    }

    [Fact]
    public void Pruning_drops_only_features_with_small_weights()
    {
        var model = NerTrainer.Train(Train, new NerTrainingOptions { Epochs = 10, JackknifeFolds = 2, EntityBias = 0 }, NerResources.Empty);

        var pruned = model.Pruned(0.2f);

        Assert.Equal(model.FeatureCount, model.Pruned(0).FeatureCount);
        Assert.True(pruned.FeatureCount > 0 && pruned.FeatureCount < model.FeatureCount, $"{pruned.FeatureCount} of {model.FeatureCount} kept");
        Assert.Equal(0, model.Pruned(1).FeatureCount);
        Assert.Equal(100.0, NerEvaluator.Evaluate(pruned, Train).MicroF1, 6);
    }

    [Fact]
    public void Distillation_ships_a_perceptron_that_follows_its_teacher_on_the_news()
    {
        var shared = Directory.GetParent(SharedData.Path("data"))!.FullName;
        var resources = WithVectors().WithNews(shared, maxDocuments: 30);
        var options = new NerTrainingOptions
        {
            Epochs = 10, JackknifeFolds = 2, NeuralModels = 1, NeuralWeight = 50, SelfTrainingStride = 2, SelfTrainingBlock = 5,
            Neural = new NeuralTrainingOptions { Hidden = 8, Embedding = 4, AffixBuckets = 256, Epochs = 3 },
        };

        var teacher = NerTrainer.Train(Train, options with { DistillStride = 0 }, resources);
        var perceptron = teacher.WithNeural(null, 0);
        var student = NerTrainer.Train(Train, options with { DistillStride = 1 }, resources);

        Assert.NotNull(teacher.Neural);
        Assert.Null(student.Neural);
        Assert.Equal(0f, student.NeuralWeight);
        Assert.Contains("teacher", student.Description);
        var news = resources.News!().Where(s => s.Count is >= 4 and <= 60).Take(400).ToArray();
        Assert.True(news.Length >= 100, $"only {news.Length} news sentences");
        var taught = new NerTagger(teacher).TagDocument(news);
        int Agreement(NerModel model)
        {
            var tags = new NerTagger(model).TagDocument(news);
            return tags.Zip(taught).Sum(p => p.First.Zip(p.Second).Count(x => x.First == x.Second));
        }
        Assert.True(Agreement(student) > Agreement(perceptron), $"student {Agreement(student)}, perceptron alone {Agreement(perceptron)}");

        // A teacher saved and loaded again distils into the same student, so student settings can be compared on one teacher.
        using var saved = new MemoryStream();
        teacher.Save(saved);
        saved.Position = 0;
        var again = NerTrainer.Distil(Train, NerModel.Load(saved), options with { DistillStride = 1 }, resources);
        Assert.Equal(new NerTagger(student).TagDocument(news), new NerTagger(again).TagDocument(news));
        Assert.Throws<ArgumentException>(() => NerTrainer.Distil(Train, perceptron, options with { DistillStride = 1 }, resources));
    }

    [Fact]
    public void Packed_vectors_read_back_exactly_and_rounding_is_idempotent()
    {
        var rng = new Random(5);
        var raw = new float[3 * 5];
        for (var i = 0; i < raw.Length; i++) raw[i] = (float)(rng.NextDouble() - 0.5);
        raw.AsSpan(5, 5).Clear(); // an all-zero vector
        var vectors = new WordVectors(["أ", "ب", "ج"], raw, 5).Rounded4();

        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) vectors.WritePacked(w);
        stream.Position = 0;
        using var r = new BinaryReader(stream);
        var back = WordVectors.ReadPacked(r);

        Assert.Equal(vectors.Keys, back.Keys);
        Assert.Null(back.Words);
        Assert.Equal(vectors.Vectors, back.Vectors);
        Assert.Equal(vectors.Vectors, vectors.Rounded4().Vectors);
        for (var i = 0; i < raw.Length; i++) Assert.True(Math.Abs(raw[i] - vectors.Vectors[i]) <= 0.05, $"component {i}");
    }
}
