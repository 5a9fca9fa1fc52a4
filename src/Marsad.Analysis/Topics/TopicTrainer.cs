using System.Diagnostics;

namespace Marsad.Analysis.Topics;

/// <summary>
/// Trains the topic classifier: hashed TF-IDF features (see <see cref="TopicFeaturizer"/>), one linear SVM per
/// label (one-vs-rest, dual coordinate descent, classes trained in parallel), int8 quantisation, and a softmax
/// temperature fitted on the dev set when one is given. Deterministic for fixed options and input order.
/// The shipped models/topic.model is
/// <c>Train(TopicCorpus.LoadSplit("topic-train.tsv"), TopicCorpus.LoadSplit("topic-dev.tsv"), new()).Save(...)</c>
/// on the shared split, byte for byte.
/// </summary>
public static class TopicTrainer
{
    public static TopicModel Train(IReadOnlyList<LabeledText> train, IReadOnlyList<LabeledText>? dev, TopicTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        if (options.HashBits is < 10 or > 24) throw new ArgumentOutOfRangeException(nameof(options), "HashBits must be in 10..24.");
        var labels = train.Select(t => t.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2) throw new ArgumentException("Training data needs at least two labels.", nameof(train));

        var settings = TopicFeatureSettings.From(options);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads) };
        var raw = Extract(train, settings, parallel);
        var df = DocumentFrequencies(raw, settings.Buckets);
        var idf = TopicModel.DequantizeIdf(ComputeIdf(df, raw.Length));
        var rows = new SparseRow[raw.Length];
        Parallel.For(0, raw.Length, parallel, i =>
        {
            var (index, value) = TopicFeaturizer.Vectorize(raw[i].Keys, raw[i].LogTf, idf, settings);
            rows[i] = new SparseRow(index, value);
        });

        // With source-specific classes each (label, source) pair is trained as its own class; see TopicModel.
        var bySource = options.SourceClasses && train.All(t => t.Source is not null);
        string ClassOf(LabeledText t) => bySource ? t.Label + "@" + t.Source : t.Label;
        var classes = train.Select(ClassOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var classLabel = classes.Select(c => Array.BinarySearch(labels, bySource ? c[..c.IndexOf('@')] : c, StringComparer.Ordinal)).ToArray();
        var gold = new int[train.Count];
        var perClass = new int[classes.Length];
        for (var i = 0; i < gold.Length; i++)
        {
            gold[i] = Array.BinarySearch(classes, ClassOf(train[i]), StringComparer.Ordinal);
            perClass[gold[i]]++;
        }
        var weights = new float[classes.Length][];
        Parallel.For(0, classes.Length, parallel, c =>
        {
            var positive = new bool[gold.Length];
            for (var i = 0; i < gold.Length; i++) positive[i] = gold[i] == c;
            var balance = Math.Pow(gold.Length / (double)(classes.Length * perClass[c]), options.ClassWeightPower);
            weights[c] = DualCoordinateSvm.Train(rows, positive, settings.Buckets, options.C * balance, options.C,
                options.MaxEpochs, options.Tolerance, options.Seed + c);
        });

        var model = TopicModel.FromTraining(settings, labels, classes, classLabel, idf, weights, options.PruneFraction);
        if (dev is { Count: > 0 }) model.SetTemperature(FitTemperature(model, dev));
        return model;
    }

    private static (int[] Keys, float[] LogTf)[] Extract(IReadOnlyList<LabeledText> items, TopicFeatureSettings settings, ParallelOptions parallel)
    {
        var raw = new (int[] Keys, float[] LogTf)[items.Count];
        Parallel.For(0, items.Count, parallel, () => new TopicFeaturizer(settings), (i, _, featurizer) =>
        {
            raw[i] = featurizer.Extract(items[i].Title, items[i].Body);
            return featurizer;
        }, _ => { });
        return raw;
    }

    private static int[] DocumentFrequencies((int[] Keys, float[] LogTf)[] raw, int buckets)
    {
        var df = new int[buckets];
        foreach (var (keys, _) in raw)
        {
            var last = -1;
            foreach (var key in keys)
            {
                var bucket = key >> 3;
                if (bucket == last) continue;
                df[bucket]++;
                last = bucket;
            }
        }
        return df;
    }

    /// <summary>Smoothed IDF, ln((1 + n) / (1 + df)) + 1, and 0 for buckets no training document uses.</summary>
    private static float[] ComputeIdf(int[] df, int n)
    {
        var idf = new float[df.Length];
        for (var b = 0; b < df.Length; b++)
            if (df[b] > 0) idf[b] = (float)(Math.Log((1.0 + n) / (1.0 + df[b])) + 1);
        return idf;
    }

    /// <summary>Temperature minimising dev log loss, by golden-section search on log T.</summary>
    internal static double FitTemperature(TopicModel model, IReadOnlyList<LabeledText> dev)
    {
        var k = model.ClassCount;
        var scores = new double[dev.Count * k];
        var gold = new int[dev.Count];
        var labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < model.Labels.Count; c++) labelIndex[model.Labels[c]] = c;
        var used = 0;
        for (var i = 0; i < dev.Count; i++)
        {
            if (!labelIndex.TryGetValue(dev[i].Label, out var g)) continue;
            model.Score(dev[i].Title, dev[i].Body, scores.AsSpan(used * k, k));
            gold[used++] = g;
        }
        if (used == 0) return 1.0;

        double Loss(double logT)
        {
            var t = Math.Exp(logT);
            Span<double> p = stackalloc double[model.Labels.Count];
            double loss = 0;
            for (var i = 0; i < used; i++)
            {
                model.LabelProbabilities(scores.AsSpan(i * k, k), t, p);
                loss -= Math.Log(Math.Max(p[gold[i]], 1e-12));
            }
            return loss;
        }

        double lo = Math.Log(0.01), hi = Math.Log(10);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
        double fa = Loss(a), fb = Loss(b);
        for (var iter = 0; iter < 40; iter++)
        {
            if (fa < fb) { hi = b; b = a; fb = fa; a = hi - ratio * (hi - lo); fa = Loss(a); }
            else { lo = a; a = b; fa = fb; b = lo + ratio * (hi - lo); fb = Loss(b); }
        }
        Debug.Assert(hi >= lo);
        return Math.Exp((lo + hi) / 2);
    }
}
