using System.Collections.Concurrent;
using System.Diagnostics;

namespace Marsad.Analysis.Topics;

/// <summary>
/// Trains the topic classifier: hashed TF-IDF features (see <see cref="TopicFeaturizer"/>), heads of linear models
/// over them (one-vs-rest SVMs by dual coordinate descent, classes trained in parallel; see <see cref="TopicModel"/>),
/// int8 quantisation, and softmax temperatures and head weights fitted on the dev set when one is given; with
/// <see cref="TopicTrainingOptions.RefitWithDev"/> the final model is then retrained on train and dev.
/// Deterministic for fixed options and input order. The shipped models/topic.model is
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
        var model = TrainOn(train, options);
        if (dev is not { Count: > 0 }) return model;
        Calibrate(model, dev);
        if (!options.RefitWithDev) return model;
        // Calibration needs held-out data, so the final model learns from train and dev together and keeps the
        // temperatures and head weights fitted on dev for the model trained on train alone.
        var final = TrainOn([.. train, .. dev], options);
        if (!final.Classes.SequenceEqual(model.Classes, StringComparer.Ordinal)) return model;
        final.SetCalibration(model.HeadTemperatures, model.HeadWeights);
        return final;
    }

    private static TopicModel TrainOn(IReadOnlyList<LabeledText> train, TopicTrainingOptions options)
    {
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

        // Head 0 is an outlet head, or a head with each (label, source) pair as its own class; the outlet-adapted
        // head can be trained beside it; without sources, one head of plain label classes. See TopicModel.
        var bySource = options.SourceClasses && train.All(t => t.Source is not null);
        var heads = new List<(HeadKind Kind, Func<LabeledText, string> ClassOf)>();
        Func<LabeledText, string> byLabel = t => t.Label;
        // Head 0 gives the outlet probabilities that the outlet-adapted head reads.
        var outletHead = bySource && options.OutletAdaptedHead && options.OutletHead;
        if (outletHead) heads.Add((HeadKind.OutletSvm, t => "@" + t.Source));
        else if (bySource) heads.Add((HeadKind.Svm, t => t.Label + "@" + t.Source));
        if (!bySource) heads.Add((HeadKind.Svm, byLabel));
        if (options.OutletAdaptedHead && bySource) heads.Add((HeadKind.AdaptedSvm, t => t.Label + "@" + t.Source));
        var classes = new List<string>();
        var classLabel = new List<int>();
        var headStart = new int[heads.Count];
        // gold[h][i]: index (global) of example i's class in head h.
        var gold = new int[heads.Count][];
        for (var h = 0; h < heads.Count; h++)
        {
            headStart[h] = classes.Count;
            var names = train.Select(heads[h].ClassOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            foreach (var name in names)
            {
                classes.Add(name);
                var at = name.IndexOf('@');
                classLabel.Add(at == 0 ? -1 : Array.BinarySearch(labels, at < 0 ? name : name[..at], StringComparer.Ordinal));
            }
            gold[h] = new int[train.Count];
            for (var i = 0; i < train.Count; i++) gold[h][i] = headStart[h] + Array.BinarySearch(names, heads[h].ClassOf(train[i]), StringComparer.Ordinal);
        }
        int HeadEnd(int h) => h + 1 < heads.Count ? headStart[h + 1] : classes.Count;
        var classHead = new int[classes.Count];
        var perClass = new int[classes.Count];
        for (var h = 0; h < heads.Count; h++)
        {
            for (var c = headStart[h]; c < HeadEnd(h); c++) classHead[c] = h;
            foreach (var g in gold[h]) perClass[g]++;
        }
        // One job per SVM: the source and label classes, and the outlet-adapted head's labels. Jobs run largest
        // first, one at a time per thread, so a few long jobs do not leave a core idle at the end.
        var weights = new float[classes.Count][];
        var jobs = new List<(double Cost, Action Run)>();
        for (var c = 0; c < classes.Count; c++)
        {
            var h = classHead[c];
            if (heads[h].Kind is not (HeadKind.Svm or HeadKind.OutletSvm)) continue;
            var cls = c;
            jobs.Add((perClass[c], () =>
            {
                var positive = new bool[train.Count];
                for (var i = 0; i < positive.Length; i++) positive[i] = gold[h][i] == cls;
                var balance = Math.Pow(train.Count / (double)((HeadEnd(h) - headStart[h]) * perClass[cls]), options.ClassWeightPower);
                weights[cls] = DualCoordinateSvm.Train(rows, positive, settings.Buckets, options.C * balance, options.C,
                    options.MaxEpochs, options.Tolerance, options.Seed + cls);
            }));
        }
        var adaptedHead = heads.FindIndex(h => h.Kind == HeadKind.AdaptedSvm);
        AdaptedProblem? adapted = null;
        if (adaptedHead >= 0)
        {
            adapted = new AdaptedProblem(train, rows, labels, settings.Buckets, options, parallel);
            // Each of these sees every example twice over (shared and outlet block): cost them above any single class.
            for (var l = 0; l < labels.Length; l++)
            {
                var label = l;
                jobs.Add((2.0 * train.Count + adapted.Positives(l), () => adapted.TrainLabel(label)));
            }
        }
        jobs.Sort((x, y) => y.Cost.CompareTo(x.Cost));
        Parallel.ForEach(Partitioner.Create(jobs, EnumerablePartitionerOptions.NoBuffering), parallel, job => job.Run());
        if (adapted is not null)
            for (var c = headStart[adaptedHead]; c < HeadEnd(adaptedHead); c++) weights[c] = adapted.Column(classes[c]);

        var kinds = heads.Select(h => h.Kind switch
        {
            HeadKind.AdaptedSvm => TopicModel.HeadKind.PerOutlet,
            HeadKind.OutletSvm => TopicModel.HeadKind.Outlet,
            _ => TopicModel.HeadKind.Joint,
        }).ToArray();
        return TopicModel.FromTraining(settings, labels, [.. classes], [.. classLabel], headStart, kinds, idf, weights, options.PruneFraction);
    }

    /// <summary>
    /// The outlet-adapted head: one SVM per label on feature-augmented rows (Daume III, "Frustratingly easy domain
    /// adaptation", 2007). Every example's features appear once in a shared block and once more, scaled by
    /// <see cref="TopicTrainingOptions.OutletSpecificScale"/>, in its outlet's own block, with an outlet bias; so
    /// each outlet's filing habits are learnt as a correction to what all outlets share, and the SVM for a label
    /// never has to tell that label apart from itself at another outlet. The column of (label, outlet) is the
    /// shared weights plus that outlet's block.
    /// </summary>
    private sealed class AdaptedProblem
    {
        private readonly string[] _labels;
        private readonly string[] _sources;
        private readonly int _dim;
        private readonly float _specific;
        private readonly int _biasBase;
        private readonly int _augmentedDim;
        private readonly SparseRow[] _rows;
        private readonly int[] _gold;
        private readonly int[] _perLabel;
        private readonly float[][] _labelWeights;
        private readonly TopicTrainingOptions _options;

        public AdaptedProblem(IReadOnlyList<LabeledText> train, SparseRow[] rows, string[] labels, int dim, TopicTrainingOptions options, ParallelOptions parallel)
        {
            _labels = labels;
            _sources = train.Select(t => t.Source!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            _dim = dim;
            _options = options;
            _specific = (float)options.OutletSpecificScale;
            _biasBase = dim * (1 + _sources.Length);
            _augmentedDim = _biasBase + _sources.Length;
            var augmented = _rows = new SparseRow[rows.Length];
            var sources = _sources;
            Parallel.For(0, rows.Length, parallel, i =>
            {
                var s = Array.BinarySearch(sources, train[i].Source!, StringComparer.Ordinal);
                var (index, value) = (rows[i].Index, rows[i].Value);
                var n = index.Length;
                var ai = new int[2 * n + 1];
                var av = new float[2 * n + 1];
                var offset = dim * (1 + s);
                for (var j = 0; j < n; j++)
                {
                    ai[j] = index[j];
                    av[j] = value[j];
                    ai[n + j] = offset + index[j];
                    av[n + j] = value[j] * _specific;
                }
                ai[2 * n] = _biasBase + s;
                av[2 * n] = 1;
                augmented[i] = new SparseRow(ai, av);
            });
            _gold = train.Select(t => Array.BinarySearch(labels, t.Label, StringComparer.Ordinal)).ToArray();
            _perLabel = new int[labels.Length];
            foreach (var g in _gold) _perLabel[g]++;
            _labelWeights = new float[labels.Length][];
        }

        public int Positives(int label) => _perLabel[label];

        public void TrainLabel(int c)
        {
            var positive = new bool[_gold.Length];
            for (var i = 0; i < _gold.Length; i++) positive[i] = _gold[i] == c;
            var balance = Math.Pow(_gold.Length / (double)(_labels.Length * _perLabel[c]), _options.ClassWeightPower);
            _labelWeights[c] = DualCoordinateSvm.Train(_rows, positive, _augmentedDim, _options.C * balance, _options.C,
                _options.MaxEpochs, _options.Tolerance, _options.Seed + 1000 + c);
        }

        /// <summary>The weights (bias at the end) of class label@outlet: shared plus that outlet's block.</summary>
        public float[] Column(string className)
        {
            var at = className.IndexOf('@');
            var w = _labelWeights[Array.BinarySearch(_labels, className[..at], StringComparer.Ordinal)];
            var s = Array.BinarySearch(_sources, className[(at + 1)..], StringComparer.Ordinal);
            var column = new float[_dim + 1];
            var offset = _dim * (1 + s);
            for (var j = 0; j < _dim; j++) column[j] = w[j] + _specific * w[offset + j];
            column[_dim] = w[_augmentedDim] + w[_biasBase + s];
            return column;
        }
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

    private enum HeadKind { Svm, AdaptedSvm, OutletSvm }

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

    /// <summary>
    /// Fits each head's softmax temperature to minimise the dev log loss of that head's label probabilities, then
    /// the heads' mixture weights (a grid over the simplex in steps of 0.05) to minimise the mixture's dev log loss.
    /// </summary>
    internal static void Calibrate(TopicModel model, IReadOnlyList<LabeledText> dev)
    {
        var k = model.ClassCount;
        var labelCount = model.Labels.Count;
        var scores = new double[dev.Count * k];
        var gold = new int[dev.Count];
        var labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < labelCount; c++) labelIndex[model.Labels[c]] = c;
        var used = 0;
        for (var i = 0; i < dev.Count; i++)
        {
            if (!labelIndex.TryGetValue(dev[i].Label, out var g)) continue;
            model.Score(dev[i].Title, dev[i].Body, scores.AsSpan(used * k, k));
            gold[used++] = g;
        }
        var heads = model.HeadCount;
        var temperatures = new double[heads];
        var weights = new double[heads];
        Array.Fill(temperatures, 1.0);
        Array.Fill(weights, 1.0 / heads);
        if (used == 0) return;

        // Each head's label probabilities at its own temperature, for every dev example.
        var headProbabilities = new double[heads][];
        var first = 0;
        if (model.KindOf(0) == TopicModel.HeadKind.Outlet)
        {
            // The outlet head gives no label probability: its temperature minimises the dev log loss of the outlets.
            temperatures[0] = FitOutletTemperature(model, dev, scores, used);
            weights[0] = 0;
            first = 1;
        }
        // Heads in order: a per-outlet head reads head 0's outlet probabilities at head 0's fitted temperature.
        for (var h = first; h < heads; h++)
        {
            var head = h;
            double Loss(double logT)
            {
                var t = (double[])temperatures.Clone();
                t[head] = Math.Exp(logT);
                Span<double> p = stackalloc double[labelCount];
                double loss = 0;
                for (var i = 0; i < used; i++)
                {
                    model.HeadLabelProbabilities(head, scores.AsSpan(i * k, k), t, p);
                    loss -= Math.Log(Math.Max(p[gold[i]], 1e-12));
                }
                return loss;
            }
            temperatures[h] = Math.Exp(GoldenSection(Loss, Math.Log(0.01), Math.Log(10)));
            var probabilities = headProbabilities[h] = new double[used * labelCount];
            for (var i = 0; i < used; i++)
                model.HeadLabelProbabilities(h, scores.AsSpan(i * k, k), temperatures, probabilities.AsSpan(i * labelCount, labelCount));
        }
        if (heads - first > 1)
        {
            var fitted = FitHeadWeights(headProbabilities[first..], gold, used, labelCount);
            for (var h = first; h < heads; h++) weights[h] = fitted[h - first];
        }
        else if (heads - first == 1) weights[first] = 1;
        model.SetCalibration(temperatures, weights);
    }

    /// <summary>Temperature of an outlet head 0 that minimises the dev log loss of the examples' outlets.</summary>
    private static double FitOutletTemperature(TopicModel model, IReadOnlyList<LabeledText> dev, double[] scores, int used)
    {
        var k = model.ClassCount;
        var outlets = model.OutletNames.ToList();
        // Calibrate only ran Score on examples with a known label, in order; replay that selection.
        var labelSet = new HashSet<string>(model.Labels, StringComparer.Ordinal);
        var outletGold = new List<(int Row, int Outlet)>();
        var row = 0;
        foreach (var item in dev)
        {
            if (!labelSet.Contains(item.Label)) continue;
            var o = item.Source is null ? -1 : outlets.IndexOf(item.Source);
            if (o >= 0) outletGold.Add((row, o));
            row++;
        }
        if (outletGold.Count == 0 || row != used) return 1.0;
        double Loss(double logT)
        {
            var t = Math.Exp(logT);
            Span<double> p = stackalloc double[outlets.Count];
            double loss = 0;
            foreach (var (r, o) in outletGold)
            {
                model.OutletProbabilities(scores.AsSpan(r * k, k), t, p);
                loss -= Math.Log(Math.Max(p[o], 1e-12));
            }
            return loss;
        }
        return Math.Exp(GoldenSection(Loss, Math.Log(0.01), Math.Log(10)));
    }

    private static double[] FitHeadWeights(double[][] headProbabilities, int[] gold, int used, int labelCount)
    {
        const int Steps = 20;
        var heads = headProbabilities.Length;
        var best = new double[heads];
        var bestLoss = double.PositiveInfinity;
        var current = new int[heads];
        void Search(int h, int left)
        {
            if (h == heads - 1)
            {
                current[h] = left;
                double loss = 0;
                for (var i = 0; i < used; i++)
                {
                    double p = 0;
                    for (var j = 0; j < heads; j++) p += current[j] * headProbabilities[j][i * labelCount + gold[i]];
                    loss -= Math.Log(Math.Max(p / Steps, 1e-12));
                }
                if (loss < bestLoss - 1e-9)
                {
                    bestLoss = loss;
                    for (var j = 0; j < heads; j++) best[j] = current[j] / (double)Steps;
                }
                return;
            }
            for (var s = 0; s <= left; s++)
            {
                current[h] = s;
                Search(h + 1, left - s);
            }
        }
        Search(0, Steps);
        return best;
    }

    /// <summary>Minimum of a unimodal function on [lo, hi] by golden-section search (40 steps).</summary>
    private static double GoldenSection(Func<double, double> f, double lo, double hi)
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
        double fa = f(a), fb = f(b);
        for (var iter = 0; iter < 40; iter++)
        {
            if (fa < fb) { hi = b; b = a; fb = fa; a = hi - ratio * (hi - lo); fa = f(a); }
            else { lo = a; a = b; fa = fb; b = lo + ratio * (hi - lo); fb = f(b); }
        }
        Debug.Assert(hi >= lo);
        return (lo + hi) / 2;
    }
}
