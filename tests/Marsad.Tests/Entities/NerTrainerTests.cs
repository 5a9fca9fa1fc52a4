using Marsad.Analysis.Entities;

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
}
