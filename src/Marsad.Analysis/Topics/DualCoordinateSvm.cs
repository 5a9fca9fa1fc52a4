namespace Marsad.Analysis.Topics;

/// <summary>
/// Binary L2-regularised, L2-loss (squared hinge) linear SVM solved in the dual by coordinate descent with
/// shrinking (Hsieh et al., ICML 2008; the LIBLINEAR algorithm behind scikit-learn's LinearSVC). Each step
/// touches one example's non-zeros only, which suits very sparse, very wide hashed text vectors.
/// A constant bias feature of value 1 is appended at index <c>dim</c>.
/// </summary>
internal static class DualCoordinateSvm
{
    public static float[] Train(
        IReadOnlyList<SparseRow> rows, bool[] positive, int dim, double cPositive, double cNegative,
        int maxEpochs, double tolerance, int seed)
    {
        var l = rows.Count;
        var w = new float[dim + 1];
        var alpha = new double[l];
        var diag = new double[l];
        var qd = new double[l];
        var index = new int[l];
        for (var i = 0; i < l; i++)
        {
            diag[i] = 0.5 / (positive[i] ? cPositive : cNegative);
            double sq = 1;
            var row = rows[i];
            foreach (var v in row.Value) sq += (double)v * v;
            qd[i] = sq + diag[i];
            index[i] = i;
        }

        var random = new Random(seed);
        var pgMaxOld = double.PositiveInfinity;
        var pgMinOld = double.NegativeInfinity;
        var active = l;
        for (var epoch = 0; epoch < maxEpochs; epoch++)
        {
            var pgMaxNew = double.NegativeInfinity;
            var pgMinNew = double.PositiveInfinity;
            for (var s = 0; s < active; s++)
            {
                var j = s + random.Next(active - s);
                (index[s], index[j]) = (index[j], index[s]);
            }
            for (var s = 0; s < active; s++)
            {
                var i = index[s];
                var row = rows[i];
                var y = positive[i] ? 1.0 : -1.0;
                var g = y * Dot(w, row, dim) - 1 + alpha[i] * diag[i];
                double pg = 0;
                if (alpha[i] == 0)
                {
                    if (g > pgMaxOld)
                    {
                        // Shrink: this example sits comfortably outside the margin and is unlikely to move.
                        active--;
                        (index[s], index[active]) = (index[active], index[s]);
                        s--;
                        continue;
                    }
                    if (g < 0) pg = g;
                }
                else pg = g;
                pgMaxNew = Math.Max(pgMaxNew, pg);
                pgMinNew = Math.Min(pgMinNew, pg);
                if (Math.Abs(pg) <= 1e-12) continue;
                var old = alpha[i];
                alpha[i] = Math.Max(old - g / qd[i], 0);
                var d = (float)((alpha[i] - old) * y);
                Axpy(w, row, d, dim);
            }

            if (pgMaxNew - pgMinNew <= tolerance)
            {
                if (active == l) break;
                // Converged on the active set: verify on all examples before stopping.
                active = l;
                pgMaxOld = double.PositiveInfinity;
                pgMinOld = double.NegativeInfinity;
                continue;
            }
            pgMaxOld = pgMaxNew <= 0 ? double.PositiveInfinity : pgMaxNew;
            pgMinOld = pgMinNew >= 0 ? double.NegativeInfinity : pgMinNew;
        }
        return w;
    }

    private static float Dot(float[] w, SparseRow row, int dim)
    {
        var idx = row.Index;
        var val = row.Value;
        var sum = w[dim];
        for (var k = 0; k < idx.Length; k++) sum += w[idx[k]] * val[k];
        return sum;
    }

    private static void Axpy(float[] w, SparseRow row, float d, int dim)
    {
        var idx = row.Index;
        var val = row.Value;
        for (var k = 0; k < idx.Length; k++) w[idx[k]] += d * val[k];
        w[dim] += d;
    }
}
