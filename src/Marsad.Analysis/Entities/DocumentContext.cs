namespace Marsad.Analysis.Entities;

/// <summary>
/// Non-local evidence for the second stage: how the first stage labelled the other occurrences of a word in the
/// surrounding sentences. A name introduced as "الرئيس اميل لحود" is then recognised when it recurs alone.
/// </summary>
internal static class DocumentContext
{
    /// <summary>Entity types plus O.</summary>
    public const int Kinds = 5;

    public static int KindOf(int label) => label == 0 ? 0 : 1 + NerLabels.TypeOf(label);

    /// <summary>
    /// For every token, counts per kind over occurrences of the same key within ±<paramref name="window"/>
    /// sentences, excluding the token itself. Keys of 0 are ignored. Result: one int[n × Kinds] per sentence.
    /// </summary>
    public static int[][] Count(IReadOnlyList<uint[]> keys, IReadOnlyList<int[]> labels, int window)
    {
        var total = 0;
        for (var s = 0; s < keys.Count; s++) total += keys[s].Length;
        var flat = new int[total * Kinds];
        Count(keys, labels, window, flat);
        var result = new int[keys.Count][];
        var at = 0;
        for (var s = 0; s < keys.Count; s++)
        {
            result[s] = flat.AsSpan(at * Kinds, keys[s].Length * Kinds).ToArray();
            at += keys[s].Length;
        }
        return result;
    }

    /// <summary>
    /// The same counts written into <paramref name="counts"/>, the document's tokens in order (sentence after
    /// sentence), <see cref="Kinds"/> ints each. Allocation-free after the first documents on a thread: the
    /// occurrences are sorted by key in a reused buffer instead of being grouped in a dictionary of lists, which
    /// had been half of what tagging an article allocated.
    /// </summary>
    public static void Count(IReadOnlyList<uint[]> keys, IReadOnlyList<int[]> labels, int window, Span<int> counts)
    {
        var total = 0;
        for (var s = 0; s < keys.Count; s++) total += keys[s].Length;
        var buffer = t_occurrences is { } b && b.Length >= total ? b : t_occurrences = new Occurrence[Math.Max(total, 256)];
        var n = 0;
        var token = 0;
        for (var s = 0; s < keys.Count; s++)
            for (var i = 0; i < keys[s].Length; i++, token++)
                if (keys[s][i] != 0) buffer[n++] = new Occurrence(keys[s][i], s, token, KindOf(labels[s][i]));
        var occurrences = buffer.AsSpan(0, n);
        // Sentence order inside a key is what the window search needs; the token breaks ties only to make the sort total.
        occurrences.Sort(static (x, y) => x.Key != y.Key ? x.Key.CompareTo(y.Key) : x.Sentence != y.Sentence ? x.Sentence.CompareTo(y.Sentence) : x.Token.CompareTo(y.Token));

        counts[..(total * Kinds)].Clear();
        var sums = t_sums ??= new int[64 * Kinds];
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && occurrences[end].Key == occurrences[start].Key) end++;
            var group = occurrences[start..end];
            // Prefix sums per kind over the key's occurrences make each window query two binary searches, so
            // frequent words cost no more than rare ones.
            if (sums.Length < (group.Length + 1) * Kinds) sums = t_sums = new int[Math.Max((group.Length + 1) * Kinds, sums.Length * 2)];
            sums.AsSpan(0, Kinds).Clear();
            for (var j = 0; j < group.Length; j++)
            {
                for (var t = 0; t < Kinds; t++) sums[(j + 1) * Kinds + t] = sums[j * Kinds + t];
                sums[(j + 1) * Kinds + group[j].Kind]++;
            }
            foreach (var o in group)
            {
                var lo = LowerBound(group, o.Sentence - window);
                var hi = LowerBound(group, o.Sentence + window + 1);
                var c = counts.Slice(o.Token * Kinds, Kinds);
                for (var t = 0; t < Kinds; t++) c[t] = sums[hi * Kinds + t] - sums[lo * Kinds + t];
                c[o.Kind]--;
            }
            start = end;
        }
    }

    [ThreadStatic]
    private static Occurrence[]? t_occurrences;

    [ThreadStatic]
    private static int[]? t_sums;

    private readonly record struct Occurrence(uint Key, int Sentence, int Token, int Kind);

    private static int LowerBound(ReadOnlySpan<Occurrence> group, int sentence)
    {
        int lo = 0, hi = group.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (group[mid].Sentence < sentence) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
