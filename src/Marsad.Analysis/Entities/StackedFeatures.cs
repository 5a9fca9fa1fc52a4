using System.Runtime.CompilerServices;

namespace Marsad.Analysis.Entities;

/// <summary>Second-stage features built from first-stage labels and <see cref="DocumentContext"/> counts.</summary>
internal static class StackedFeatures
{
    public const int MaxPerToken = 16;
    private const int TSelf = 100, TPrev = 101, TNext = 102, TPrevSelf = 103, TSelfNext = 104;
    private const int TDocHas = 110, TDocMajority = 111, TDocShare = 112, TDocNextMajority = 113, TDocPrevMajority = 114;

    /// <summary>Writes the stacked features of token <paramref name="i"/> into <paramref name="dest"/>; returns how many.</summary>
    public static int Write(Span<uint> dest, int i, ReadOnlySpan<int> labels, ReadOnlySpan<int> counts)
    {
        var n = labels.Length;
        var pos = 0;
        var self = labels[i];
        var prev = i > 0 ? labels[i - 1] : -1;
        var next = i + 1 < n ? labels[i + 1] : -2;
        dest[pos++] = Hash(TSelf, self, 0);
        dest[pos++] = Hash(TPrev, prev, 0);
        dest[pos++] = Hash(TNext, next, 0);
        dest[pos++] = Hash(TPrevSelf, prev, self);
        dest[pos++] = Hash(TSelfNext, self, next);

        var c = counts.Slice(i * DocumentContext.Kinds, DocumentContext.Kinds);
        var total = 0;
        var entity = 0;
        var majority = 0;
        var majorityEntity = -1;
        for (var t = 0; t < DocumentContext.Kinds; t++)
        {
            total += c[t];
            if (c[t] > c[majority]) majority = t;
            if (t > 0)
            {
                entity += c[t];
                if (c[t] > 0 && (majorityEntity < 0 || c[t] > c[majorityEntity])) majorityEntity = t;
                if (c[t] > 0) dest[pos++] = Hash(TDocHas, t, 0);
            }
        }
        if (total > 0)
        {
            dest[pos++] = Hash(TDocMajority, majority, Bucket(total));
            if (majorityEntity > 0)
            {
                // Share of entity readings in quarters, so "always a name" and "once a name" weigh differently.
                var share = 4 * entity / total;
                dest[pos++] = Hash(TDocShare, majorityEntity, share);
            }
        }
        if (i + 1 < n) dest[pos++] = Hash(TDocNextMajority, MajorityEntity(counts, i + 1), 0);
        if (i > 0) dest[pos++] = Hash(TDocPrevMajority, MajorityEntity(counts, i - 1), 0);
        return pos;
    }

    private static int MajorityEntity(ReadOnlySpan<int> counts, int i)
    {
        var c = counts.Slice(i * DocumentContext.Kinds, DocumentContext.Kinds);
        var best = -1;
        for (var t = 1; t < DocumentContext.Kinds; t++)
            if (c[t] > 0 && (best < 0 || c[t] > c[best])) best = t;
        return best;
    }

    private static int Bucket(int total) => total switch { 1 => 1, <= 3 => 2, <= 8 => 3, _ => 4 };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(int template, int a, int b)
    {
        var h = FeatureHash.Start(template);
        h.Add((char)(a & 0xFFFF));
        h.Add((char)(b & 0xFFFF));
        return h.Finish();
    }
}
