namespace Marsad.Analysis.Entities;

/// <summary>First-order Viterbi over BIO labels and conlleval-style span reading.</summary>
internal static class BioDecoder
{
    private const int L = NerLabels.Count;
    private static readonly bool[] AllowedTable = BuildAllowed();
    private static readonly bool[] ContinuesTable = BuildContinues();

    /// <summary>
    /// Best label path given per-token emission scores (n × 9, row-major), a 9 × 9 transition matrix indexed
    /// [previous, next] and start scores. Transitions that would open an I- without its B- are forbidden, so
    /// output spans are always well formed. A token marked in <paramref name="continuesEntity"/> (a name link
    /// such as بن or آل) may be outside any entity, but inside one it cannot be its last token; an empty span
    /// imposes nothing.
    /// </summary>
    public static void Decode(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, ReadOnlySpan<float> start, int n, ReadOnlySpan<bool> continuesEntity, Span<int> labels, Span<float> scoreScratch, Span<byte> backScratch)
    {
        if (n == 0) return;
        var score = scoreScratch[..(n * L)];
        var back = backScratch[..(n * L)];
        // Forbidden transitions scored -inf: prev + -inf never beats the running best (which starts at -inf), so
        // this picks exactly what skipping them would, without a table test in the innermost loop.
        Span<float> allowed = stackalloc float[L * L];
        Span<float> afterLink = stackalloc float[L * L];
        for (var k = 0; k < allowed.Length; k++)
        {
            allowed[k] = AllowedTable[k] ? transitions[k] : float.NegativeInfinity;
            afterLink[k] = ContinuesTable[k] ? allowed[k] : float.NegativeInfinity;
        }
        for (var y = 0; y < L; y++)
            score[y] = NerLabels.IsInside(y) ? float.NegativeInfinity : start[y] + emissions[y];
        for (var i = 1; i < n; i++)
        {
            var prevRow = score.Slice((i - 1) * L, L);
            var row = score.Slice(i * L, L);
            var em = emissions.Slice(i * L, L);
            ReadOnlySpan<float> table = !continuesEntity.IsEmpty && continuesEntity[i - 1] ? afterLink : allowed;
            for (var y = 0; y < L; y++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < L; p++)
                {
                    var s = prevRow[p] + table[p * L + y];
                    if (s > best) { best = s; arg = p; }
                }
                row[y] = best + em[y];
                back[i * L + y] = (byte)arg;
            }
        }
        var last = score.Slice((n - 1) * L, L);
        if (!continuesEntity.IsEmpty && continuesEntity[n - 1])
            for (var y = 1; y < L; y++) last[y] = float.NegativeInfinity;
        var label = 0;
        for (var y = 1; y < L; y++)
            if (last[y] > last[label]) label = y;
        for (var i = n - 1; i >= 0; i--)
        {
            labels[i] = label;
            if (i > 0) label = back[i * L + label];
        }
    }

    /// <summary>
    /// Reads spans as conlleval does: a span starts at B-X, or at I-X whose predecessor is not of type X,
    /// and continues over following I-X.
    /// </summary>
    public static List<(string Type, int Start, int End)> Spans(IReadOnlyList<string> tags)
    {
        var spans = new List<(string, int, int)>();
        string? type = null;
        var start = 0;
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            var isB = tag.StartsWith("B-", StringComparison.Ordinal);
            var isI = tag.StartsWith("I-", StringComparison.Ordinal);
            var t = isB || isI ? tag[2..] : null;
            var continues = isI && type is not null && string.Equals(t, type, StringComparison.Ordinal);
            if (continues) continue;
            if (type is not null) spans.Add((type, start, i));
            type = t;
            start = i;
        }
        if (type is not null) spans.Add((type, start, tags.Count));
        return spans;
    }

    /// <summary>After a name link: outside stays free, an entity must go on with its own I- label.</summary>
    private static bool[] BuildContinues()
    {
        var table = new bool[L * L];
        for (var p = 0; p < L; p++)
            for (var y = 0; y < L; y++)
                table[p * L + y] = p == 0 || (NerLabels.IsInside(y) && NerLabels.TypeOf(y) == NerLabels.TypeOf(p));
        return table;
    }

    private static bool[] BuildAllowed()
    {
        var table = new bool[L * L];
        for (var p = 0; p < L; p++)
            for (var y = 0; y < L; y++)
                table[p * L + y] = NerLabels.Allowed(p, y);
        return table;
    }
}
