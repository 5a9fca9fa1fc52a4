namespace Marsad.Analysis.Entities;

/// <summary>
/// Document-level consistency after tagging: a word sequence that the tagger labels as a name somewhere in the
/// document is labelled the same where it was left outside any name, when within ±window sentences its name
/// readings outnumber its other unlabelled occurrences. Only fills gaps: it never changes a span the tagger chose.
/// </summary>
internal static class LabelPropagation
{
    private const int MaxSpan = 4;

    /// <summary>
    /// <paramref name="keys"/> holds one identity hash per token (the normalised word), <paramref name="labels"/>
    /// the BIO labels per sentence, changed in place.
    /// </summary>
    public static void Apply(IReadOnlyList<uint[]> keys, int[][] labels, int window)
    {
        // Entity strings the tagger produced anywhere in the document.
        var names = new HashSet<ulong>();
        for (var s = 0; s < labels.Length; s++)
        {
            var y = labels[s];
            for (var i = 0; i < y.Length; i++)
            {
                if (y[i] == 0 || NerLabels.IsInside(y[i])) continue;
                var end = i + 1;
                while (end < y.Length && NerLabels.IsInside(y[end]) && NerLabels.TypeOf(y[end]) == NerLabels.TypeOf(y[i])) end++;
                if (end - i <= MaxSpan) names.Add(Key(keys[s], i, end));
            }
        }
        if (names.Count == 0) return;

        // Every occurrence of those strings: as the same span of some type, or wholly outside names (-1).
        var occurrences = new Dictionary<ulong, List<(int Sentence, int Start, int Length, int Type)>>();
        for (var s = 0; s < keys.Count; s++)
        {
            var y = labels[s];
            for (var i = 0; i < y.Length; i++)
                for (var n = 1; n <= MaxSpan && i + n <= y.Length; n++)
                {
                    var key = Key(keys[s], i, i + n);
                    if (!names.Contains(key)) continue;
                    var type = SpanType(y, i, i + n);
                    if (type == -2) continue;
                    if (!occurrences.TryGetValue(key, out var list)) occurrences[key] = list = [];
                    list.Add((s, i, n, type));
                }
        }

        Span<int> votes = stackalloc int[NerLabels.Types.Length];
        var changes = new List<(int Sentence, int Start, int Length, int Type)>();
        foreach (var list in occurrences.Values)
        {
            foreach (var gap in list)
            {
                if (gap.Type != -1) continue;
                votes.Clear();
                var outside = 0;
                foreach (var other in list)
                {
                    if (Math.Abs(other.Sentence - gap.Sentence) > window || other == gap) continue;
                    if (other.Type >= 0) votes[other.Type]++;
                    else outside++;
                }
                var best = 0;
                for (var t = 1; t < votes.Length; t++)
                    if (votes[t] > votes[best]) best = t;
                if (votes[best] > outside) changes.Add((gap.Sentence, gap.Start, gap.Length, best));
            }
        }
        // Longer strings first, so a two-word name is not pre-empted by one of its words.
        foreach (var (s, start, length, type) in changes.OrderByDescending(c => c.Length))
        {
            var y = labels[s];
            var free = true;
            for (var i = start; i < start + length && free; i++) free = y[i] == 0;
            if (!free) continue;
            // The next token must not continue a span of the same type, or the new span would merge into it.
            if (start + length < y.Length && NerLabels.IsInside(y[start + length]) && NerLabels.TypeOf(y[start + length]) == type) continue;
            y[start] = 1 + 2 * type;
            for (var i = start + 1; i < start + length; i++) y[i] = 2 + 2 * type;
        }
    }

    /// <summary>The type of the span exactly covering [start, end), -1 if every token is outside a name, -2 otherwise.</summary>
    private static int SpanType(int[] y, int start, int end)
    {
        if (y[start] == 0)
        {
            for (var i = start + 1; i < end; i++)
                if (y[i] != 0) return -2;
            return -1;
        }
        if (NerLabels.IsInside(y[start])) return -2;
        var type = NerLabels.TypeOf(y[start]);
        for (var i = start + 1; i < end; i++)
            if (!NerLabels.IsInside(y[i]) || NerLabels.TypeOf(y[i]) != type) return -2;
        if (end < y.Length && NerLabels.IsInside(y[end]) && NerLabels.TypeOf(y[end]) == type) return -2;
        return type;
    }

    private static ulong Key(uint[] keys, int start, int end)
    {
        var h = 14695981039346656037UL;
        for (var i = start; i < end; i++) h = (h ^ keys[i]) * 1099511628211UL;
        return h ^ (ulong)(end - start);
    }
}
