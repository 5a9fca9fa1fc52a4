using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Marsad.Analysis.Entities;

/// <summary>
/// Word vectors learned from unlabelled text with skip-gram and negative sampling (Mikolov et al. 2013): each
/// word predicts the words around it against random words drawn from the unigram distribution raised to 3/4.
/// Single-threaded and seeded, so the same corpus gives the same vectors bit for bit.
/// </summary>
internal static class SkipGram
{
    /// <summary>Settings; the defaults suit a few tens of millions of news tokens.</summary>
    public sealed record Options
    {
        public int Dimensions { get; init; } = 100;
        public int Window { get; init; } = 3;
        public int Negatives { get; init; } = 5;
        public int Epochs { get; init; } = 2;
        public float LearningRate { get; init; } = 0.025f;

        /// <summary>Frequent words are kept with probability (√(f/t) + 1)·t/f, which speeds training and helps rare words.</summary>
        public double Subsample { get; init; } = 1e-4;

        public int Seed { get; init; } = 17;
    }

    /// <summary>
    /// Trains on <paramref name="stream"/> (word ids in 0..<paramref name="vocabulary"/>-1, -1 between sentences;
    /// other negative ids are out-of-vocabulary words, skipped but kept as positions) and returns row-major
    /// vocabulary × dimensions input vectors, each normalised to unit length.
    /// </summary>
    public static float[] Train(ReadOnlySpan<int> stream, int[] counts, int vocabulary, Options options)
    {
        var dim = options.Dimensions;
        var rng = new XorShift((ulong)options.Seed * 0x9E3779B97F4A7C15UL + 1);
        var input = new float[vocabulary * dim];
        var output = new float[vocabulary * dim];
        for (var i = 0; i < input.Length; i++) input[i] = (rng.NextFloat() - 0.5f) / dim;

        long total = 0;
        for (var w = 0; w < vocabulary; w++) total += counts[w];
        var keep = new float[vocabulary];
        for (var w = 0; w < vocabulary; w++)
        {
            var f = counts[w] / (double)total;
            var t = options.Subsample;
            keep[w] = t <= 0 ? 1f : (float)Math.Min(1.0, (Math.Sqrt(f / t) + 1) * t / f);
        }
        var table = NegativeTable(counts, vocabulary, 1 << 24);

        var sentence = new int[4096];
        var gradient = new float[dim];
        var totalSteps = (long)options.Epochs * stream.Length;
        long done = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var length = 0;
            for (var p = 0; p <= stream.Length; p++)
            {
                var id = p < stream.Length ? stream[p] : -1;
                if (id != -1 && length < sentence.Length)
                {
                    // Out-of-vocabulary words and subsampled frequent ones are dropped from the sentence.
                    if (id >= 0 && rng.NextFloat() < keep[id]) sentence[length++] = id;
                    continue;
                }
                done += length;
                var alpha = options.LearningRate * Math.Max(0.0001f, 1f - (float)((double)done / totalSteps));
                for (var i = 0; i < length; i++)
                {
                    var b = (int)(rng.Next() % (uint)options.Window);
                    var from = Math.Max(0, i - options.Window + b);
                    var to = Math.Min(length, i + options.Window - b + 1);
                    var center = sentence[i];
                    for (var j = from; j < to; j++)
                    {
                        if (j == i) continue;
                        // Word2vec's orientation: the context word's input vector predicts the centre word.
                        var context = input.AsSpan(sentence[j] * dim, dim);
                        gradient.AsSpan().Clear();
                        for (var d = 0; d <= options.Negatives; d++)
                        {
                            int target;
                            float label;
                            if (d == 0)
                            {
                                target = center;
                                label = 1;
                            }
                            else
                            {
                                target = table[rng.Next() & (table.Length - 1)];
                                if (target == center) continue;
                                label = 0;
                            }
                            var o = output.AsSpan(target * dim, dim);
                            var g = (label - Sigmoid(Dot(context, o))) * alpha;
                            Axpy(g, o, gradient);
                            Axpy(g, context, o);
                        }
                        Axpy(1f, gradient, context);
                    }
                }
                length = 0;
            }
        }
        for (var w = 0; w < vocabulary; w++) Normalize(input.AsSpan(w * dim, dim));
        return input;
    }

    private static int[] NegativeTable(int[] counts, int vocabulary, int size)
    {
        var table = new int[size];
        double norm = 0;
        for (var w = 0; w < vocabulary; w++) norm += Math.Pow(counts[w], 0.75);
        var w0 = 0;
        var cumulative = Math.Pow(counts[0], 0.75) / norm;
        for (var i = 0; i < size; i++)
        {
            table[i] = w0;
            if ((i + 1) / (double)size > cumulative && w0 < vocabulary - 1)
            {
                w0++;
                cumulative += Math.Pow(counts[w0], 0.75) / norm;
            }
        }
        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Sigmoid(float x)
    {
        if (x > 6) return 1;
        if (x < -6) return 0;
        return 1f / (1f + MathF.Exp(-x));
    }

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += Vector.LoadUnsafe(ref ra, (nuint)i) * Vector.LoadUnsafe(ref rb, (nuint)i);
        var s = Vector.Sum(sum);
        for (; i < a.Length; i++) s += Unsafe.Add(ref ra, i) * Unsafe.Add(ref rb, i);
        return s;
    }

    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var ry = ref MemoryMarshal.GetReference(y);
        var va = new Vector<float>(alpha);
        var i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            (Vector.LoadUnsafe(ref ry, (nuint)i) + va * Vector.LoadUnsafe(ref rx, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
        for (; i < x.Length; i++) Unsafe.Add(ref ry, i) += alpha * Unsafe.Add(ref rx, i);
    }

    public static void Normalize(Span<float> v)
    {
        var n = MathF.Sqrt(Dot(v, v));
        if (n == 0) return;
        for (var i = 0; i < v.Length; i++) v[i] /= n;
    }

    /// <summary>xorshift64*: fast, seeded, and the same on every platform.</summary>
    private struct XorShift(ulong seed)
    {
        private ulong _state = seed == 0 ? 1 : seed;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint Next()
        {
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            return (uint)((_state * 0x2545F4914F6CDD1DUL) >> 32);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float NextFloat() => (Next() >> 8) * (1f / (1 << 24));
    }
}
