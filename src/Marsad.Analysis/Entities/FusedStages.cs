using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    /// stage's partial emissions (<paramref name="rowScratch"/> holds at least one int per feature). Features are added in the same order as <see cref="NerStage.AddEmissions"/>
    /// would, so both sums are bit-identical to scoring each stage on its own.
    /// </summary>
    /// <remarks>
    /// The tables are far larger than the cache, so the cost is memory latency. All rows are resolved first, in a
    /// loop whose probes do not depend on each other so the CPU overlaps their misses, and only then summed; each
    /// lane of a vector add is the same IEEE addition as the scalar one, so vectorising keeps the sums exact.
    /// </remarks>
    public void AddEmissions(ReadOnlySpan<uint> hashes, ReadOnlySpan<int> offsets, int n, Span<float> first, Span<float> second, Span<int> rowScratch)
    {
        var rows = rowScratch[..offsets[n]];
        var index = Rows;
        for (var k = 0; k < rows.Length; k++) rows[k] = index.Get(hashes[k]);

        ref var weights = ref MemoryMarshal.GetArrayDataReference(Weights);
        for (var i = 0; i < n; i++)
        {
            var a1 = Vector256<float>.Zero;
            var a2 = Vector256<float>.Zero;
            var b1 = 0f;
            var b2 = 0f;
            for (var k = offsets[i]; k < offsets[i + 1]; k++)
            {
                var row = rows[k];
                if (row < 0) continue;
                ref var w = ref Unsafe.Add(ref weights, row * Stride);
                a1 += Vector256.LoadUnsafe(ref w);
                b1 += Unsafe.Add(ref w, 8);
                a2 += Vector256.LoadUnsafe(ref w, L);
                b2 += Unsafe.Add(ref w, L + 8);
            }
            var e1 = first.Slice(i * L, L);
            var e2 = second.Slice(i * L, L);
            // Emissions arrive cleared, so starting from zero in registers is the same sum.
            (Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(e1)) + a1).StoreUnsafe(ref MemoryMarshal.GetReference(e1));
            e1[8] += b1;
            (Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(e2)) + a2).StoreUnsafe(ref MemoryMarshal.GetReference(e2));
            e2[8] += b2;
        }
    }
}
