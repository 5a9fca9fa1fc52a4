namespace Marsad.Analysis.Entities;

/// <summary>One linear-chain scorer: hashed feature weights per label plus label transitions.</summary>
internal sealed class NerStage(HashIndex features, float[] weights, float[] transitions, float[] start, float scale = 0)
{
    private const int L = NerLabels.Count;

    public HashIndex Features { get; } = features;

    /// <summary>Row-major: feature row × label.</summary>
    public float[] Weights { get; } = weights;

    public float[] Transitions { get; } = transitions;
    public float[] Start { get; } = start;

    /// <summary>
    /// For a stage read from a file, the quantisation step: every weight is exactly a 16-bit integer times this
    /// (as <see cref="Read"/> computes it), which lets the tagger keep the weights in half the memory. 0 for a
    /// freshly trained stage.
    /// </summary>
    public float Scale { get; } = scale;

    /// <summary>The largest absolute feature weight.</summary>
    public float MaxWeight()
    {
        var max = 0f;
        foreach (var v in Weights) max = Math.Max(max, Math.Abs(v));
        return max;
    }

    /// <summary>This stage without the features whose weights all stay at or under <paramref name="below"/> (transitions kept whole).</summary>
    public NerStage WithoutWeightsUnder(float below)
    {
        var kept = new HashIndex(Features.Count);
        var weights = new List<float>(Weights.Length);
        foreach (var (key, row) in Features.Entries())
        {
            var w = Weights.AsSpan(row * L, L);
            var any = false;
            foreach (var v in w) any |= Math.Abs(v) > below;
            if (!any) continue;
            kept.Set(key, weights.Count / L);
            foreach (var v in w) weights.Add(v);
        }
        return new NerStage(kept, weights.ToArray(), Transitions, Start);
    }

    /// <summary>Adds the weights of <paramref name="hashes"/> (grouped per token by <paramref name="offsets"/>) into n × 9 emission scores.</summary>
    public void AddEmissions(ReadOnlySpan<uint> hashes, ReadOnlySpan<int> offsets, int n, Span<float> emissions)
    {
        var weights = Weights;
        var index = Features;
        for (var i = 0; i < n; i++)
        {
            var e = emissions.Slice(i * L, L);
            for (var k = offsets[i]; k < offsets[i + 1]; k++)
            {
                var row = index.Get(hashes[k]);
                if (row < 0) continue;
                var w = weights.AsSpan(row * L, L);
                for (var y = 0; y < L; y++) e[y] += w[y];
            }
        }
    }

    /// <summary>Weights quantised to 16 bits with one scale and stored sparsely (label mask, then non-zero values).</summary>
    public void Write(BinaryWriter w)
    {
        foreach (var v in Transitions) w.Write(v);
        foreach (var v in Start) w.Write(v);
        var rows = Features.Entries().OrderBy(e => e.Key).ToArray();
        var max = 0f;
        foreach (var v in Weights) max = Math.Max(max, Math.Abs(v));
        var scale = max > 0 ? max / short.MaxValue : 1f;
        w.Write(scale);
        w.Write(rows.Length);
        foreach (var (key, _) in rows) w.Write(key);
        Span<short> q = stackalloc short[L];
        foreach (var (_, row) in rows)
        {
            var mask = 0;
            for (var y = 0; y < L; y++)
            {
                q[y] = (short)Math.Round(Weights[row * L + y] / scale);
                if (q[y] != 0) mask |= 1 << y;
            }
            w.Write((ushort)mask);
            for (var y = 0; y < L; y++)
                if (q[y] != 0) w.Write(q[y]);
        }
    }

    public static NerStage Read(BinaryReader r)
    {
        var transitions = new float[L * L];
        for (var i = 0; i < transitions.Length; i++) transitions[i] = r.ReadSingle();
        var start = new float[L];
        for (var i = 0; i < start.Length; i++) start[i] = r.ReadSingle();
        var scale = r.ReadSingle();
        var count = r.ReadInt32();
        var keys = new uint[count];
        for (var i = 0; i < count; i++) keys[i] = r.ReadUInt32();
        var features = new HashIndex(count);
        var weights = new float[count * L];
        for (var i = 0; i < count; i++)
        {
            features.Set(keys[i], i);
            var mask = r.ReadUInt16();
            for (var y = 0; y < L; y++)
                if ((mask & (1 << y)) != 0) weights[i * L + y] = r.ReadInt16() * scale;
        }
        return new NerStage(features, weights, transitions, start, scale);
    }
}
