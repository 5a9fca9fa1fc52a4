using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    private readonly HashIndex _rows;

    /// <summary>Weights as stored in the model file, 16-bit steps of <see cref="_scale1"/> and <see cref="_scale2"/>; null for a trained, unquantised model.</summary>
    private readonly short[]? _quantized;

    private readonly float _scale1, _scale2;

    /// <summary>Plain weights, used only when the stages were not read from a file.</summary>
    private readonly float[]? _weights;

    public FusedStages(NerStage first, NerStage second)
    {
        var firstRows = first.Features.Entries().ToArray();
        var secondRows = second.Features.Entries().ToArray();
        var rows = new HashIndex(firstRows.Length + secondRows.Length);
        var count = 0;
        foreach (var (key, _) in firstRows) rows.Set(key, count++);
        foreach (var (key, _) in secondRows)
            if (rows.Get(key) < 0) rows.Set(key, count++);
        rows.BuildFilter();
        _rows = rows;

        // Quantised rows take half the memory, and memory is what scoring waits on. Used only when every weight
        // comes back bit-identical as (float)q * scale, the product NerStage.Read computed it with.
        if (first.Scale > 0 && second.Scale > 0)
        {
            var q = new short[count * Stride];
            if (Quantize(first, firstRows, rows, q, 0) && Quantize(second, secondRows, rows, q, L))
            {
                _quantized = q;
                _scale1 = first.Scale;
                _scale2 = second.Scale;
                return;
            }
        }
        var weights = new float[count * Stride];
        foreach (var (key, row) in firstRows)
            first.Weights.AsSpan(row * L, L).CopyTo(weights.AsSpan(rows.Get(key) * Stride, L));
        foreach (var (key, row) in secondRows)
            second.Weights.AsSpan(row * L, L).CopyTo(weights.AsSpan(rows.Get(key) * Stride + L, L));
        _weights = weights;
    }

    private static bool Quantize(NerStage stage, (uint Key, int Value)[] entries, HashIndex rows, short[] q, int at)
    {
        var scale = stage.Scale;
        foreach (var (key, row) in entries)
        {
            var to = rows.Get(key) * Stride + at;
            for (var y = 0; y < L; y++)
            {
                var w = stage.Weights[row * L + y];
                var r = Math.Round(w / scale);
                if (r is < short.MinValue or > short.MaxValue) return false;
                var s = (short)r;
                if (BitConverter.SingleToInt32Bits(s * scale) != BitConverter.SingleToInt32Bits(w)) return false;
                q[to + y] = s;
            }
        }
        return true;
    }

    /// <summary>
    /// Sums the word features of n tokens into the first stage's emissions and, separately, into the second
    /// stage's partial emissions; both must arrive cleared. <paramref name="rowScratch"/> holds at least one int
    /// per feature. Features are added in the same order as <see cref="NerStage.AddEmissions"/> would, so both
    /// sums are bit-identical to scoring each stage on its own.
    /// </summary>
    /// <remarks>
    /// The tables are far larger than the cache, so the cost is memory latency. All rows are resolved first, in a
    /// loop whose probes do not depend on each other so the CPU overlaps their misses (and prefetches the rows),
    /// and only then summed; each lane of a vector add is the same IEEE addition as the scalar one, so
    /// vectorising keeps the sums exact.
    /// </remarks>
    public void AddEmissions(ReadOnlySpan<uint> hashes, ReadOnlySpan<int> offsets, int n, Span<float> first, Span<float> second, Span<int> rowScratch)
    {
        var rows = rowScratch[..offsets[n]];
        var index = _rows;
        for (var k = 0; k < rows.Length; k++)
        {
            var row = index.Get(hashes[k]);
            rows[k] = row;
            if (row >= 0) Prefetch(row);
        }
        if (_quantized is not null) SumQuantized(rows, offsets, n, first, second);
        else SumPlain(rows, offsets, n, first, second);
    }

    /// <summary>Starts loading a row so that it is likely in cache by the time the summing loop reaches it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe void Prefetch(int row)
    {
        if (!Sse.IsSupported) return;
        if (_quantized is not null)
        {
            ref var w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_quantized), row * Stride);
            Sse.Prefetch0(Unsafe.AsPointer(ref w));
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref w, Stride - 1)));
        }
        else
        {
            ref var w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights!), row * Stride);
            Sse.Prefetch0(Unsafe.AsPointer(ref w));
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref w, Stride - 1)));
        }
    }

    private void SumQuantized(ReadOnlySpan<int> rows, ReadOnlySpan<int> offsets, int n, Span<float> first, Span<float> second)
    {
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_quantized!);
        var scale1 = Vector256.Create(_scale1);
        var scale2 = Vector256.Create(_scale2);
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
                a1 += ToSingle(Vector128.LoadUnsafe(ref w)) * scale1;
                b1 += Unsafe.Add(ref w, 8) * _scale1;
                a2 += ToSingle(Vector128.LoadUnsafe(ref w, L)) * scale2;
                b2 += Unsafe.Add(ref w, L + 8) * _scale2;
            }
            Store(first.Slice(i * L, L), a1, b1);
            Store(second.Slice(i * L, L), a2, b2);
        }
    }

    private void SumPlain(ReadOnlySpan<int> rows, ReadOnlySpan<int> offsets, int n, Span<float> first, Span<float> second)
    {
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights!);
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
            Store(first.Slice(i * L, L), a1, b1);
            Store(second.Slice(i * L, L), a2, b2);
        }
    }

    /// <summary>Eight 16-bit steps as floats; the conversion is exact, as in NerStage.Read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ToSingle(Vector128<short> q) =>
        Vector256.ConvertToSingle(Vector256.Create(Vector128.WidenLower(q), Vector128.WidenUpper(q)));

    /// <summary>The emissions arrive cleared, so 0 + sum is the sum; storing it is the same as adding it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<float> e, Vector256<float> a, float b)
    {
        a.StoreUnsafe(ref MemoryMarshal.GetReference(e));
        e[8] = b;
    }
}
