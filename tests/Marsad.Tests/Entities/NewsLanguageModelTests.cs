using Marsad.Analysis.Entities;
using Marsad.Analysis.Entities.Neural;

namespace Marsad.Tests.Entities;

public class NewsLanguageModelTests
{
    private static readonly string[][] News =
    [
        ["وقال", "محمد", "في", "بغداد", "اليوم"],
        ["زار", "محمد", "بغداد", "امس"],
        ["وصل", "الوفد", "الى", "بغداد", "من", "xyz"],
    ];

    private static WordVectors Vectors()
    {
        var rng = new Random(3);
        string[] words = ["قال", "محمد", "في", "بغداد", "زار"];
        var vectors = new float[words.Length * 4];
        for (var i = 0; i < vectors.Length; i++) vectors[i] = (float)(rng.NextDouble() - 0.5);
        return new WordVectors(words, vectors, 4);
    }

    private static readonly NeuralTrainingOptions Options = new()
    {
        LanguageModelHidden = 9, Embedding = 2, AffixBuckets = 7, LanguageModelEpochs = 0, LanguageModelDropout = 0, Batch = 1,
    };

    /// <summary>An untrained model with every parameter moved off its initial value, so no gradient is trivially zero.</summary>
    private static NewsLanguageModel Small(WordVectors vectors)
    {
        var model = NewsLanguageModel.Train(News, vectors, BiLstmTests.Tables(), Options, log: null);
        var rng = new Random(4);
        foreach (var p in new[] { model.Network.Parameters, model.Head })
            for (var i = 0; i < p.Length; i++) p[i] += (float)(rng.NextDouble() - 0.5) * 0.2f;
        return model;
    }

    [Fact]
    public void Classes_are_the_clusters_the_news_uses_plus_rare_words_and_the_boundary()
    {
        var model = NewsLanguageModel.Train(News, Vectors(), BiLstmTests.Tables(), Options, log: null);
        Assert.Equal(4, model.Classes);
    }

    [Fact]
    public void Gradient_matches_finite_differences()
    {
        var vectors = Vectors();
        var model = Small(vectors);
        var inputs = new TokenInputs();
        inputs.Extract(News[0], vectors, model.Network.AffixBuckets);
        int[] classes = [0, 2, 0, 3, 0];
        double Loss(float[] g, float[] hg) => model.LossAndGradient(inputs, classes, vectors, 0, new Random(1), new BiLstm.Workspace(), g, hg);
        var analytic = new float[model.Network.Parameters.Length];
        var analyticHead = new float[model.Head.Length];
        Loss(analytic, analyticHead);
        var scratch = new float[analytic.Length];
        var scratchHead = new float[analyticHead.Length];
        var checkedNonZero = BiLstmTests.CountMatchingFiniteDifferences(model.Network.Parameters, analytic, () => Loss(scratch, scratchHead))
            + BiLstmTests.CountMatchingFiniteDifferences(model.Head, analyticHead, () => Loss(scratch, scratchHead));
        Assert.True(checkedNonZero > 300, $"only {checkedNonZero} non-zero gradients");
    }

    [Fact]
    public void Training_lowers_the_loss_of_the_news_it_reads()
    {
        var vectors = Vectors();
        var untrained = NewsLanguageModel.Train(News, vectors, BiLstmTests.Tables(), Options, log: null);
        var trained = NewsLanguageModel.Train(News, vectors, BiLstmTests.Tables(), Options with { LanguageModelEpochs = 100 }, log: null);
        double Loss(NewsLanguageModel model)
        {
            var inputs = new TokenInputs();
            inputs.Extract(News[1], vectors, model.Network.AffixBuckets);
            int[] classes = [0, 2, 3, 0];
            return model.LossAndGradient(inputs, classes, vectors, 0, new Random(1), new BiLstm.Workspace(), new float[model.Network.Parameters.Length], new float[model.Head.Length]);
        }
        Assert.True(Loss(trained) < 0.5 * Loss(untrained), $"trained {Loss(trained)}, untrained {Loss(untrained)}");
    }

    [Fact]
    public void A_tagger_reading_the_states_matches_the_training_forward_pass()
    {
        var vectors = Vectors();
        var model = Small(vectors);
        var net = new BiLstm(4, hidden: 9, embedding: 2, affixBuckets: 7, contextDimensions: model.StateSize);
        net.Initialize(5);
        var inputs = new TokenInputs();
        var tokens = News[2];
        inputs.Extract(tokens, vectors, net.AffixBuckets);
        model.States(inputs, vectors, new BiLstm.Workspace());
        Assert.Contains(inputs.Context.AsSpan(0, tokens.Length * model.StateSize).ToArray(), v => v != 0);
        var ws = new BiLstm.Workspace();
        int[] gold = [0, 0, 0, 3, 0, 0];
        net.LossAndGradient(inputs, gold, vectors, 0, 0, new Random(1), ws, new float[net.Parameters.Length]);
        var tagger = new NeuralTagger(new NeuralNerModel(net, vectors, model));
        var output = new float[tokens.Length * NerLabels.Count];
        tagger.LogProbabilities(tokens, output);
        // Twice: the second call reads the word projections from the cache and the states afresh.
        tagger.LogProbabilities(tokens, output);
        for (var i = 0; i < output.Length; i++) Assert.Equal(ws.LogP[i], output[i], 5);
    }
}
