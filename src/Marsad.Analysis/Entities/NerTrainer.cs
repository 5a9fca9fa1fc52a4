using System.Diagnostics;

namespace Marsad.Analysis.Entities;

/// <summary>
/// Trains a first-order BIO tagger with the averaged structured perceptron (Collins 2002): decode each
/// sentence with Viterbi under the current weights and, where the best path differs from the gold one, move
/// the weights towards the gold features. Averaging the weights over all updates gives most of the
/// regularisation a CRF would, at a fraction of the training cost.
/// </summary>
public static class NerTrainer
{
    private const int L = NerLabels.Count;

    public static NerModel Train(IReadOnlyList<ConllSentence> train, NerTrainingOptions options, NerResources resources)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resources);
        var clock = Stopwatch.StartNew();
        var gazetteer = ToIndex(resources.Gazetteer.Select(p => (p.Key, (int)p.Value)));
        var clusters = ToIndex(resources.Clusters.Select(p => (p.Key, p.Value)));
        var extractor = new NerFeatureExtractor(gazetteer, clusters);

        // Extract once; epochs then run on integer arrays only.
        var counts = new Dictionary<uint, int>();
        var hashed = new uint[train.Count][];
        var offsets = new int[train.Count][];
        var gold = new int[train.Count][];
        var tokens = 0;
        for (var s = 0; s < train.Count; s++)
        {
            var sentence = train[s];
            extractor.Extract(sentence.Tokens);
            hashed[s] = extractor.Features.ToArray();
            offsets[s] = extractor.Offsets.ToArray();
            foreach (var f in hashed[s]) counts[f] = counts.GetValueOrDefault(f) + 1;
            gold[s] = GoldLabels(sentence.Tags);
            tokens += sentence.Count;
        }

        var rowOf = new Dictionary<uint, int>();
        foreach (var (key, count) in counts.OrderBy(p => p.Key))
            if (count >= options.MinFeatureCount) rowOf[key] = rowOf.Count;
        var rows = new int[train.Count][];
        for (var s = 0; s < train.Count; s++)
        {
            var r = new int[hashed[s].Length];
            for (var k = 0; k < r.Length; k++) r[k] = rowOf.TryGetValue(hashed[s][k], out var row) ? row : -1;
            rows[s] = r;
        }
        hashed = null!;
        options.Log?.WriteLine($"ner: {train.Count} sentences, {tokens} tokens, {rowOf.Count} features (of {counts.Count}) extracted in {clock.Elapsed.TotalSeconds:F1}s");

        var p = new Perceptron(rowOf.Count);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var rng = new Random(options.Seed);
        var maxLength = train.Count == 0 ? 0 : train.Max(s => s.Count);
        var emissions = new float[maxLength * L];
        var predicted = new int[maxLength];
        var scoreScratch = new float[maxLength * L];
        var backScratch = new byte[maxLength * L];
        NerModel? model = null;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            var errors = 0;
            foreach (var s in order)
            {
                var n = gold[s].Length;
                p.Score(rows[s], offsets[s], n, emissions);
                BioDecoder.Decode(emissions, p.Transitions, p.Start, n, predicted, scoreScratch, backScratch);
                if (p.Update(rows[s], offsets[s], gold[s], predicted.AsSpan(0, n))) errors++;
                p.Tick();
            }
            if (options.Dev is not null || epoch == options.Epochs)
            {
                model = p.ToModel(rowOf, gazetteer, clusters, Describe(options, train.Count, tokens, epoch, resources));
                if (options.Dev is not null)
                {
                    var eval = NerEvaluator.Evaluate(model, options.Dev);
                    options.Log?.WriteLine($"ner: epoch {epoch}: {errors} sentences wrong; dev P {eval.MicroPrecision:F2} R {eval.MicroRecall:F2} F1 {eval.MicroF1:F2} ({clock.Elapsed.TotalSeconds:F1}s)");
                }
                else
                {
                    options.Log?.WriteLine($"ner: epoch {epoch}: {errors} sentences wrong ({clock.Elapsed.TotalSeconds:F1}s)");
                }
            }
        }
        return model ?? p.ToModel(rowOf, gazetteer, clusters, Describe(options, train.Count, tokens, 0, resources));
    }

    private static string Describe(NerTrainingOptions o, int sentences, int tokens, int epochs, NerResources r) =>
        $"averaged perceptron, {epochs} epochs, min feature count {o.MinFeatureCount}, seed {o.Seed}; " +
        $"{sentences} sentences / {tokens} tokens; gazetteer {r.GazetteerEntries}, clusters {r.ClusterVocabulary}";

    /// <summary>I-X after anything but B-X/I-X is read as B-X, as conlleval would, so gold paths are decodable.</summary>
    private static int[] GoldLabels(IReadOnlyList<string> tags)
    {
        var labels = new int[tags.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            var y = NerLabels.Index(tags[i]);
            var previous = i > 0 ? labels[i - 1] : 0;
            if (!NerLabels.Allowed(previous, y)) y--;
            labels[i] = y;
        }
        return labels;
    }

    private static HashIndex ToIndex(IEnumerable<(uint Key, int Value)> entries)
    {
        var list = entries.ToList();
        var index = new HashIndex(list.Count);
        foreach (var (k, v) in list) index.Set(k, v);
        return index;
    }

    /// <summary>Weights plus the running sums needed for the averaging trick (w_avg = w − u / c).</summary>
    private sealed class Perceptron(int features)
    {
        private readonly float[] _w = new float[features * L];
        private readonly float[] _u = new float[features * L];
        private readonly float[] _tu = new float[L * L];
        private readonly float[] _su = new float[L];
        private float _c = 1;

        public float[] Transitions { get; } = new float[L * L];
        public float[] Start { get; } = new float[L];

        public void Tick() => _c++;

        public void Score(int[] rows, int[] offsets, int n, float[] emissions)
        {
            Array.Clear(emissions, 0, n * L);
            for (var i = 0; i < n; i++)
            {
                var e = emissions.AsSpan(i * L, L);
                for (var k = offsets[i]; k < offsets[i + 1]; k++)
                {
                    var row = rows[k];
                    if (row < 0) continue;
                    var w = _w.AsSpan(row * L, L);
                    for (var y = 0; y < L; y++) e[y] += w[y];
                }
            }
        }

        public bool Update(int[] rows, int[] offsets, int[] gold, ReadOnlySpan<int> predicted)
        {
            var wrong = false;
            for (var i = 0; i < gold.Length; i++)
            {
                var g = gold[i];
                var p = predicted[i];
                if (g != p)
                {
                    wrong = true;
                    for (var k = offsets[i]; k < offsets[i + 1]; k++)
                    {
                        var row = rows[k];
                        if (row < 0) continue;
                        Bump(_w, _u, row * L + g, 1);
                        Bump(_w, _u, row * L + p, -1);
                    }
                }
                var gp = i > 0 ? gold[i - 1] : -1;
                var pp = i > 0 ? predicted[i - 1] : -1;
                if (g == p && gp == pp) continue;
                if (i == 0)
                {
                    Bump(Start, _su, g, 1);
                    Bump(Start, _su, p, -1);
                }
                else
                {
                    Bump(Transitions, _tu, gp * L + g, 1);
                    Bump(Transitions, _tu, pp * L + p, -1);
                }
            }
            return wrong;
        }

        private void Bump(float[] w, float[] u, int index, float delta)
        {
            w[index] += delta;
            u[index] += _c * delta;
        }

        public NerModel ToModel(Dictionary<uint, int> rowOf, HashIndex gazetteer, HashIndex clusters, string description)
        {
            // Keep only features whose averaged weights are not all zero.
            var kept = new HashIndex(rowOf.Count);
            var weights = new List<float>(rowOf.Count * L);
            Span<float> avg = stackalloc float[L];
            foreach (var (key, row) in rowOf)
            {
                var any = false;
                for (var y = 0; y < L; y++)
                {
                    avg[y] = _w[row * L + y] - _u[row * L + y] / _c;
                    if (Math.Abs(avg[y]) > 1e-4f) any = true;
                }
                if (!any) continue;
                kept.Set(key, weights.Count / L);
                foreach (var v in avg) weights.Add(v);
            }
            var transitions = new float[L * L];
            for (var i = 0; i < transitions.Length; i++) transitions[i] = Transitions[i] - _tu[i] / _c;
            var start = new float[L];
            for (var i = 0; i < start.Length; i++) start[i] = Start[i] - _su[i] / _c;
            return new NerModel(kept, weights.ToArray(), transitions, start, gazetteer, clusters, description);
        }
    }
}
