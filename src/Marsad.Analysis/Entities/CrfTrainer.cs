namespace Marsad.Analysis.Entities;

/// <summary>
/// Trains one stage as a linear-chain conditional random field: stochastic gradient descent on the negative
/// log-likelihood of each sentence (forward-backward over the nine BIO labels, I- without its B- forbidden)
/// with L2 regularisation kept exact and lazy through a global weight scale (Bottou 2010). The result scores
/// paths exactly like a perceptron stage, so the tagger and the stacking are unchanged.
/// </summary>
internal static class CrfTrainer
{
    private const int L = NerLabels.Count;

    /// <summary>One training run from <paramref name="seed"/>; its final (averaged-iterate) weights are added to <paramref name="sum"/>.</summary>
    public static void Run(
        NerTrainer.Sample[] data, int[] indices, int[][] rows, int maxLength, Dictionary<uint, int> rowOf, NerTrainingOptions options, int seed,
        Action<NerStage, int>? afterEpoch, NerTrainer.StageSum sum)
    {
        var allowed = new bool[L * L];
        for (var p = 0; p < L; p++)
            for (var y = 0; y < L; y++) allowed[p * L + y] = NerLabels.Allowed(p, y);

        var v = new double[rowOf.Count * L];
        var trans = new double[L * L];
        var start = new double[L];
        double scale = 1;
        var lambda = 1.0 / (options.CrfC * indices.Length);
        var eta0 = options.CrfRate;
        long t = 0;

        var emissions = new double[maxLength * L];
        var alpha = new double[maxLength * L];
        var beta = new double[maxLength * L];
        var marginal = new double[maxLength * L];
        var dropped = new bool[maxLength];
        var order = (int[])indices.Clone();
        var rng = new Random(seed);
        var dropRng = new Random(seed * 31 + 1);
        Span<double> tmp = stackalloc double[L];
        // Polyak averaging of the iterates at several points per epoch over the second half of training.
        var avg = new double[v.Length];
        var avgTrans = new double[L * L];
        var avgStart = new double[L];
        var snapshots = 0;
        var snapshotEvery = Math.Max(1, indices.Length / Math.Max(1, options.CrfSnapshotsPerEpoch));
        var seen = 0;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (var s in order)
            {
                var eta = eta0 / (1 + lambda * eta0 * t);
                t++;
                var gold = data[s].Gold;
                var offsets = data[s].Offsets;
                var r = rows[s];
                var n = gold.Length;
                for (var i = 0; i < n; i++) dropped[i] = options.WordDropout > 0 && dropRng.NextDouble() < options.WordDropout;

                // Emissions under the current (scaled) weights.
                Array.Clear(emissions, 0, n * L);
                for (var i = 0; i < n; i++)
                    for (var k = offsets[i] + (dropped[i] ? NerFeatureExtractor.LexicalFeatures : 0); k < offsets[i + 1]; k++)
                    {
                        var row = r[k];
                        if (row < 0) continue;
                        for (var y = 0; y < L; y++) emissions[i * L + y] += v[row * L + y];
                    }
                for (var k = 0; k < n * L; k++) emissions[k] *= scale;

                // Forward and backward in log space.
                for (var y = 0; y < L; y++) alpha[y] = NerLabels.IsInside(y) ? double.NegativeInfinity : start[y] + emissions[y];
                for (var i = 1; i < n; i++)
                    for (var y = 0; y < L; y++)
                    {
                        for (var p = 0; p < L; p++) tmp[p] = allowed[p * L + y] ? alpha[(i - 1) * L + p] + trans[p * L + y] : double.NegativeInfinity;
                        alpha[i * L + y] = LogSum(tmp) + emissions[i * L + y];
                    }
                for (var y = 0; y < L; y++) beta[(n - 1) * L + y] = 0;
                for (var i = n - 2; i >= 0; i--)
                    for (var p = 0; p < L; p++)
                    {
                        for (var y = 0; y < L; y++) tmp[y] = allowed[p * L + y] ? trans[p * L + y] + emissions[(i + 1) * L + y] + beta[(i + 1) * L + y] : double.NegativeInfinity;
                        beta[i * L + p] = LogSum(tmp);
                    }
                for (var y = 0; y < L; y++) tmp[y] = alpha[(n - 1) * L + y];
                var logZ = LogSum(tmp);
                for (var k = 0; k < n * L; k++) marginal[k] = Math.Exp(alpha[k] + beta[k] - logZ);

                // Regularisation shrinks every weight: folded into the scale.
                scale *= 1 - eta * lambda;
                var step = eta / scale;

                // Gradient of the log-likelihood: observed minus expected feature counts.
                for (var i = 0; i < n; i++)
                {
                    var g = gold[i];
                    for (var k = offsets[i] + (dropped[i] ? NerFeatureExtractor.LexicalFeatures : 0); k < offsets[i + 1]; k++)
                    {
                        var row = r[k];
                        if (row < 0) continue;
                        var baseIndex = row * L;
                        for (var y = 0; y < L; y++)
                        {
                            var m = marginal[i * L + y];
                            if (m > 1e-12) v[baseIndex + y] -= step * m;
                        }
                        v[baseIndex + g] += step;
                    }
                }
                // Start and transitions (not regularised).
                for (var y = 0; y < L; y++) start[y] -= eta * marginal[y];
                start[gold[0]] += eta;
                for (var i = 1; i < n; i++)
                {
                    for (var p = 0; p < L; p++)
                    {
                        var a = alpha[(i - 1) * L + p];
                        if (double.IsNegativeInfinity(a)) continue;
                        for (var y = 0; y < L; y++)
                        {
                            if (!allowed[p * L + y]) continue;
                            var pair = Math.Exp(a + trans[p * L + y] + emissions[i * L + y] + beta[i * L + y] - logZ);
                            if (pair > 1e-12) trans[p * L + y] -= eta * pair;
                        }
                    }
                    trans[gold[i - 1] * L + gold[i]] += eta;
                }

                if (scale < 1e-6)
                {
                    for (var k = 0; k < v.Length; k++) v[k] *= scale;
                    scale = 1;
                }
                if (epoch > options.Epochs / 2 && ++seen % snapshotEvery == 0)
                {
                    for (var k = 0; k < v.Length; k++) avg[k] += v[k] * scale;
                    for (var k = 0; k < trans.Length; k++) avgTrans[k] += trans[k];
                    for (var k = 0; k < L; k++) avgStart[k] += start[k];
                    snapshots++;
                }
            }
            if (afterEpoch is not null && epoch < options.Epochs)
            {
                var snapshot = new NerTrainer.StageSum(rowOf.Count);
                Add(snapshot, v, scale, trans, start);
                afterEpoch(snapshot.ToStage(rowOf, 1f), epoch);
            }
        }
        if (snapshots > 0) Add(sum, avg, 1.0 / snapshots, avgTrans, avgStart, 1.0 / snapshots);
        else Add(sum, v, scale, trans, start);
    }

    private static void Add(NerTrainer.StageSum sum, double[] v, double scale, double[] trans, double[] start, double transScale = 1)
    {
        for (var k = 0; k < v.Length; k++) sum.Weights[k] += (float)(v[k] * scale);
        for (var k = 0; k < trans.Length; k++) sum.Transitions[k] += (float)(trans[k] * transScale);
        for (var k = 0; k < start.Length; k++) sum.Start[k] += (float)(start[k] * transScale);
    }

    private static double LogSum(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var x in values) if (x > max) max = x;
        if (double.IsNegativeInfinity(max)) return max;
        double sum = 0;
        foreach (var x in values) sum += Math.Exp(x - max);
        return max + Math.Log(sum);
    }
}
