namespace Marsad.Analysis.Entities;

/// <summary>
/// Both stages' weights for the word features under one hash table, built at load time from the two
/// <see cref="NerStage"/>s (the model file is unchanged). The second stage sees the same word features as the
/// first plus a few stacked ones, so one probe per feature yields both stages' weights instead of two probes
/// into two tables; a feature missing from one stage contributes zeros there, which leaves every sum exact.
/// </summary>
internal sealed class FusedStages
{
    private const int L = NerLabels.Count;

    /// <summary>Row stride: the first stage's nine weights, then the second stage's nine.</summary>
    public const int Stride = 2 * L;

    public FusedStages(NerStage first, NerStage second)
    {
        var firstRows = first.Features.Entries().ToArray();
        var secondRows = second.Features.Entries().ToArray();
        var rows = new HashIndex(firstRows.Length + secondRows.Length);
        var count = 0;
        foreach (var (key, _) in firstRows) rows.Set(key, count++);
        foreach (var (key, _) in secondRows)
            if (rows.Get(key) < 0) rows.Set(key, count++);
        var weights = new float[count * Stride];
        foreach (var (key, row) in firstRows)
            first.Weights.AsSpan(row * L, L).CopyTo(weights.AsSpan(rows.Get(key) * Stride, L));
        foreach (var (key, row) in secondRows)
            second.Weights.AsSpan(row * L, L).CopyTo(weights.AsSpan(rows.Get(key) * Stride + L, L));
        Rows = rows;
        Weights = weights;
    }

    public HashIndex Rows { get; }

    public float[] Weights { get; }

    /// <summary>
    /// Sums the word features of n tokens into the first stage's emissions and, separately, into the second
    /// stage's partial emissions. Features are added in the same order as <see cref="NerStage.AddEmissions"/>
    /// would, so both sums are bit-identical to scoring each stage on its own.
    /// </summary>
    public void AddEmissions(ReadOnlySpan<uint> hashes, ReadOnlySpan<int> offsets, int n, Span<float> first, Span<float> second)
    {
        var weights = Weights;
        var index = Rows;
        for (var i = 0; i < n; i++)
        {
            var e1 = first.Slice(i * L, L);
            var e2 = second.Slice(i * L, L);
            for (var k = offsets[i]; k < offsets[i + 1]; k++)
            {
                var row = index.Get(hashes[k]);
                if (row < 0) continue;
                var w = weights.AsSpan(row * Stride, Stride);
                for (var y = 0; y < L; y++) e1[y] += w[y];
                for (var y = 0; y < L; y++) e2[y] += w[L + y];
            }
        }
    }
}
