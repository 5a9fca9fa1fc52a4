using System.Diagnostics;

namespace Marsad.Analysis.Entities.Neural;

/// <summary>Trains a <see cref="BiLstm"/> tagger with Adam on labelled sentences; single-threaded and seeded.</summary>
internal static class NeuralTrainer
{
    /// <summary>
    /// Trains for a fixed number of epochs; <paramref name="afterEpoch"/> sees the model after each one (for logging
    /// only: the epoch count is an option, not chosen by the callback).
    /// </summary>
    /// <remarks><paramref name="tables"/> (the perceptron's) are required when <see cref="NeuralTrainingOptions.Lexical"/> is set.</remarks>
    public static NeuralNerModel Train(IReadOnlyList<ConllSentence> train, WordVectors vectors, NeuralTrainingOptions options, NerTables? tables = null, TextWriter? log = null, Action<int, NeuralNerModel>? afterEpoch = null, NewsLanguageModel.SentenceStates? languageModel = null)
    {
        var lexicon = options.Lexical ? new NerFeatureExtractor(tables ?? throw new ArgumentNullException(nameof(tables))) : null;
        if (languageModel is not null && languageModel.Sentences.Length != train.Count) throw new ArgumentException("The language model's states are of other sentences.", nameof(languageModel));
        var net = new BiLstm(vectors.Dimensions, options.Hidden, options.Embedding, options.AffixBuckets, options.Lexical, languageModel?.Model.StateSize ?? 0);
        net.Initialize(options.Seed);
        var model = new NeuralNerModel(net, vectors, languageModel?.Model);
        var p = net.Parameters;
        var gradient = new float[p.Length];
        var adam = new AdamState(p.Length);
        var rng = new Random(options.Seed);
        var ws = new BiLstm.Workspace();
        var inputs = new TokenInputs();
        var gold = new int[train.Count][];
        for (var s = 0; s < train.Count; s++)
        {
            gold[s] = new int[train[s].Count];
            for (var i = 0; i < gold[s].Length; i++) gold[s][i] = NerLabels.Index(train[s].Tags[i]);
        }
        var order = new int[train.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            rng.Shuffle(order);
            var lr = options.LearningRate / (1 + options.Decay * epoch);
            double loss = 0;
            long tokens = 0;
            var inBatch = 0;
            for (var k = 0; k < order.Length; k++)
            {
                var s = order[k];
                inputs.Extract(train[s].Tokens, vectors, options.AffixBuckets, lexicon);
                if (languageModel is not null) languageModel.Sentences[s].CopyTo(inputs.ContextRows(net.ContextDimensions));
                loss += net.LossAndGradient(inputs, gold[s], vectors, options.InputDropout, options.OutputDropout, rng, ws, gradient);
                tokens += train[s].Count;
                if (++inBatch < options.Batch && k < order.Length - 1) continue;
                adam.Step(p, gradient, lr, options.Clip, inBatch);
                inBatch = 0;
            }
            log?.WriteLine($"neural: epoch {epoch + 1} loss/token {loss / Math.Max(1, tokens):F4} ({clock.Elapsed.TotalSeconds:F1} s)");
            afterEpoch?.Invoke(epoch + 1, model);
        }
        return model;
    }

    /// <summary>Adam's moment estimates for one parameter vector.</summary>
    internal sealed class AdamState(int length)
    {
        private readonly float[] _m = new float[length];
        private readonly float[] _v = new float[length];
        private int _step;

        /// <summary>One Adam step on the batch-mean gradient (clipped to a maximum norm), then clears the gradient.</summary>
        public void Step(float[] p, float[] gradient, float lr, float clip, int batch)
        {
            const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;
            double norm = 0;
            for (var i = 0; i < gradient.Length; i++) norm += gradient[i] * (double)gradient[i];
            norm = Math.Sqrt(norm) / batch;
            var scale = (float)(norm > clip ? clip / norm : 1) / batch;
            _step++;
            var c1 = 1 - MathF.Pow(Beta1, _step);
            var c2 = 1 - MathF.Pow(Beta2, _step);
            var alpha = lr * MathF.Sqrt(c2) / c1;
            for (var i = 0; i < p.Length; i++)
            {
                var g = gradient[i] * scale;
                _m[i] = Beta1 * _m[i] + (1 - Beta1) * g;
                _v[i] = Beta2 * _v[i] + (1 - Beta2) * g * g;
                p[i] -= alpha * _m[i] / (MathF.Sqrt(_v[i]) + Epsilon);
            }
            Array.Clear(gradient);
        }
    }
}
