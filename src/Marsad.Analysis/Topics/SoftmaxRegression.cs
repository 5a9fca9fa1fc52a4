namespace Marsad.Analysis.Topics;

/// <summary>
/// Multinomial logistic regression with L2 regularisation, trained by plain stochastic gradient descent with
/// Bottou's step size eta_t = eta0 / (1 + eta0 lambda t) and the regulariser applied as one shrinking scale
/// factor (so each step touches only the example's non-zeros). Deterministic for a seed.
/// Returns one weight array per class, bias at index <c>dim</c>, like <see cref="DualCoordinateSvm"/>.
/// </summary>
internal static class SoftmaxRegression
{
    public static float[][] Train(IReadOnlyList<SparseRow> rows, int[] gold, int classes, int dim, double lambda, int epochs, double eta0, int seed)
    {
        var k = classes;
        var w = new float[(long)dim * k > int.MaxValue ? throw new ArgumentException("Too many buckets.") : dim * k];
        var bias = new double[k];
        double scale = 1;
        var order = new int[rows.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var random = new Random(seed);
        var z = new double[k];
        long t = 0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var row = rows[i];
                var idx = row.Index;
                var val = row.Value;
                for (var c = 0; c < k; c++) z[c] = 0;
                for (var j = 0; j < idx.Length; j++)
                {
                    var offset = idx[j] * k;
                    var v = val[j];
                    for (var c = 0; c < k; c++) z[c] += v * w[offset + c];
                }
                var max = double.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    z[c] = z[c] * scale + bias[c];
                    max = Math.Max(max, z[c]);
                }
                double sum = 0;
                for (var c = 0; c < k; c++) sum += z[c] = Math.Exp(z[c] - max);
                var eta = eta0 / (1 + eta0 * lambda * t++);
                // z becomes the gradient of the loss with respect to the class scores: p - y.
                for (var c = 0; c < k; c++) z[c] = z[c] / sum - (c == gold[i] ? 1 : 0);
                for (var c = 0; c < k; c++) bias[c] -= eta * z[c];
                var step = eta / scale;
                for (var j = 0; j < idx.Length; j++)
                {
                    var offset = idx[j] * k;
                    var v = val[j] * step;
                    for (var c = 0; c < k; c++) w[offset + c] -= (float)(v * z[c]);
                }
                scale *= 1 - eta * lambda;
                if (scale < 1e-6)
                {
                    for (var j = 0; j < w.Length; j++) w[j] = (float)(w[j] * scale);
                    scale = 1;
                }
            }
        }
        var result = new float[k][];
        for (var c = 0; c < k; c++)
        {
            var r = result[c] = new float[dim + 1];
            for (var j = 0; j < dim; j++) r[j] = (float)(w[j * k + c] * scale);
            r[dim] = (float)bias[c];
        }
        return result;
    }
}
