using Marsad.Analysis.Entities;
using Marsad.Analysis.Entities.Neural;

namespace Marsad.Tests.Entities;

public class BiLstmTests
{
    private static readonly string[] Tokens = ["وقال", "محمد", "في", "xyz", "بغداد", "محمد"];
    private static readonly int[] Gold = [0, 1, 0, 7, 3, 1];

    /// <summary>A gazetteer with one two-word phrase and one place, and clusters for two words.</summary>
    internal static NerTables Tables()
    {
        var gazetteer = new HashIndex(4);
        gazetteer.Set(NerFeatureExtractor.PhraseKey(["xyz", "بغداد"]), 16);
        gazetteer.Set(NerFeatureExtractor.PhraseKey(["بغداد"]), 1);
        var clusters = new HashIndex(4);
        clusters.Set(NerFeatureExtractor.ClusterKey("محمد"), 5);
        clusters.Set(NerFeatureExtractor.ClusterKey("بغداد"), 700);
        return new NerTables(gazetteer, clusters, new HashIndex(0), new HashIndex(0));
    }

    private static (BiLstm Net, WordVectors Vectors, TokenInputs Inputs) Small(bool lexical = false)
    {
        var rng = new Random(3);
        string[] words = ["قال", "محمد", "في", "بغداد"];
        var vectors = new float[words.Length * 4];
        for (var i = 0; i < vectors.Length; i++) vectors[i] = (float)(rng.NextDouble() - 0.5);
        var wv = new WordVectors(words, vectors, 4);
        var net = new BiLstm(4, hidden: 9, embedding: 2, affixBuckets: 7, lexical);
        net.Initialize(5);
        // Nine units: the vectorised gate loop and its scalar remainder both run. Non-zero biases everywhere so no gradient is trivially zero at the initial point.
        for (var i = 0; i < net.Parameters.Length; i++) net.Parameters[i] += (float)(rng.NextDouble() - 0.5) * 0.2f;
        var inputs = new TokenInputs();
        inputs.Extract(Tokens, wv, net.AffixBuckets, lexical ? new NerFeatureExtractor(Tables()) : null);
        return (net, wv, inputs);
    }

    private static double Loss(BiLstm net, WordVectors vectors, TokenInputs inputs, float[] gradient) =>
        net.LossAndGradient(inputs, Gold, vectors, 0, 0, new Random(1), new BiLstm.Workspace(), gradient);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gradient_matches_finite_differences(bool lexical)
    {
        var (net, vectors, inputs) = Small(lexical);
        var analytic = new float[net.Parameters.Length];
        Loss(net, vectors, inputs, analytic);
        var scratch = new float[analytic.Length];
        var nonZero = CountMatchingFiniteDifferences(net.Parameters, analytic, () => Loss(net, vectors, inputs, scratch));
        // Every block (embeddings, both directions, output) must have been exercised, not just the output layer.
        Assert.True(nonZero > 300, $"only {nonZero} non-zero gradients");
    }

    /// <summary>
    /// Asserts that each parameter's <paramref name="analytic"/> gradient matches central differences of
    /// <paramref name="loss"/>, and returns how many of them are clearly non-zero.
    /// </summary>
    internal static int CountMatchingFiniteDifferences(float[] p, float[] analytic, Func<double> loss)
    {
        const float Eps = 1e-2f;
        var nonZero = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var saved = p[i];
            p[i] = saved + Eps;
            var up = loss();
            p[i] = saved - Eps;
            var down = loss();
            p[i] = saved;
            var numeric = (up - down) / (2 * Eps);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 2e-3 + 0.03 * Math.Abs(numeric), $"parameter {i}: analytic {analytic[i]}, numeric {numeric}");
            if (Math.Abs(numeric) > 1e-3) nonZero++;
        }
        return nonZero;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Tagger_with_its_projection_cache_matches_the_training_forward_pass(bool lexical)
    {
        var (net, vectors, inputs) = Small(lexical);
        if (lexical) Assert.Contains(inputs.Lexical.AsSpan(0, Tokens.Length * TokenInputs.LexicalSlots).ToArray(), row => row >= 0);
        var ws = new BiLstm.Workspace();
        net.LossAndGradient(inputs, Gold, vectors, 0, 0, new Random(1), ws, new float[net.Parameters.Length]);
        var tagger = new NeuralTagger(new NeuralNerModel(net, vectors), lexical ? Tables() : null);
        var output = new float[Tokens.Length * NerLabels.Count];
        tagger.LogProbabilities(Tokens, output);
        // Twice, so the second call reads every projection from the cache.
        tagger.LogProbabilities(Tokens, output);
        for (var i = 0; i < output.Length; i++) Assert.Equal(ws.LogP[i], output[i], 5);
    }
}
