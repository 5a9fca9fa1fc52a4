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

        // With source-specific classes each (label, source) pair is trained as its own class (head 0); a head of
        // plain label classes can be trained beside it (head 1). See TopicModel.
        var bySource = options.SourceClasses && train.All(t => t.Source is not null);
        var heads = new List<Func<LabeledText, string>>();
        if (bySource) heads.Add(t => t.Label + "@" + t.Source);
        if (!bySource || options.LabelHead) heads.Add(t => t.Label);
        var classes = new List<string>();
        var classLabel = new List<int>();
        var headStart = new int[heads.Count];
        // gold[h][i]: index (global) of example i's class in head h.
        var gold = new int[heads.Count][];
        for (var h = 0; h < heads.Count; h++)
        {
            headStart[h] = classes.Count;
            var names = train.Select(heads[h]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            foreach (var name in names)
            {
                classes.Add(name);
                var at = name.IndexOf('@');
                classLabel.Add(Array.BinarySearch(labels, at < 0 ? name : name[..at], StringComparer.Ordinal));
            }
            gold[h] = new int[train.Count];
            for (var i = 0; i < train.Count; i++) gold[h][i] = headStart[h] + Array.BinarySearch(names, heads[h](train[i]), StringComparer.Ordinal);
        }
        var classHead = new int[classes.Count];
        var perClass = new int[classes.Count];
        for (var h = 0; h < heads.Count; h++)
        {
            var end = h + 1 < heads.Count ? headStart[h + 1] : classes.Count;
            for (var c = headStart[h]; c < end; c++) classHead[c] = h;
            foreach (var g in gold[h]) perClass[g]++;
        }
        var weights = new float[classes.Count][];
        Parallel.For(0, classes.Count, parallel, c =>
        {
            var h = classHead[c];
            var headClasses = (h + 1 < heads.Count ? headStart[h + 1] : classes.Count) - headStart[h];
            var positive = new bool[train.Count];
            for (var i = 0; i < positive.Length; i++) positive[i] = gold[h][i] == c;
            var balance = Math.Pow(train.Count / (double)(headClasses * perClass[c]), options.ClassWeightPower);
            var scale = options.NbPower > 0 ? NaiveBayesScale(rows, positive, df, options) : null;
            var w = DualCoordinateSvm.Train(rows, positive, settings.Buckets, options.C * balance, options.C,
                options.MaxEpochs, options.Tolerance, options.Seed + c, scale);
            if (scale is not null)
                for (var j = 0; j < scale.Length; j++) w[j] *= scale[j];
            weights[c] = w;
        });

        return TopicModel.FromTraining(settings, labels, [.. classes], [.. classLabel], headStart, idf, weights, options.PruneFraction);
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

    /// <summary>
    /// NB-SVM feature scaling (Wang and Manning, 2012): |log-count ratio| of each bucket between the class's
    /// documents and the rest, from binarised document counts with add-alpha smoothing, raised to a power.
    /// </summary>
    private static float[] NaiveBayesScale(SparseRow[] rows, bool[] positive, int[] df, TopicTrainingOptions options)
    {
        var dim = df.Length;
        var pos = new int[dim];
        var nPos = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (!positive[i]) continue;
            nPos++;
            foreach (var b in rows[i].Index) pos[b]++;
        }
        var alpha = options.NbAlpha;
        double p1 = 0, q1 = 0;
        for (var j = 0; j < dim; j++)
        {
            if (df[j] == 0) continue;
            p1 += pos[j] + alpha;
            q1 += df[j] - pos[j] + alpha;
        }
        var scale = new float[dim];
        for (var j = 0; j < dim; j++)
        {
            if (df[j] == 0) continue;
            var r = Math.Log((pos[j] + alpha) / p1) - Math.Log((df[j] - pos[j] + alpha) / q1);
            scale[j] = (float)Math.Pow(Math.Abs(r) + options.NbFloor, options.NbPower);
        }
        return scale;
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
        for (var h = 0; h < heads; h++)
        {
            var head = h;
            double Loss(double logT)
            {
                var t = Math.Exp(logT);
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
                model.HeadLabelProbabilities(h, scores.AsSpan(i * k, k), temperatures[h], probabilities.AsSpan(i * labelCount, labelCount));
        }
        if (heads > 1) weights = FitHeadWeights(headProbabilities, gold, used, labelCount);
        model.SetCalibration(temperatures, weights);
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
