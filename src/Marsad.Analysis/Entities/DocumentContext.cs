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
        var occurrences = new Dictionary<uint, List<(int Sentence, int Kind)>>();
        for (var s = 0; s < keys.Count; s++)
            for (var i = 0; i < keys[s].Length; i++)
            {
                var k = keys[s][i];
                if (k == 0) continue;
                if (!occurrences.TryGetValue(k, out var list)) occurrences[k] = list = [];
                list.Add((s, KindOf(labels[s][i])));
            }

        // Prefix sums per key make each window query two binary searches, so frequent words cost no more than rare ones.
        var prefix = new Dictionary<uint, (int[] Sentences, int[] Sums)>(occurrences.Count);
        foreach (var (k, list) in occurrences)
        {
            var sentences = new int[list.Count];
            var sums = new int[(list.Count + 1) * Kinds];
            for (var j = 0; j < list.Count; j++)
            {
                sentences[j] = list[j].Sentence;
                for (var t = 0; t < Kinds; t++) sums[(j + 1) * Kinds + t] = sums[j * Kinds + t];
                sums[(j + 1) * Kinds + list[j].Kind]++;
            }
            prefix[k] = (sentences, sums);
        }

        var result = new int[keys.Count][];
        for (var s = 0; s < keys.Count; s++)
        {
            var counts = new int[keys[s].Length * Kinds];
            for (var i = 0; i < keys[s].Length; i++)
            {
                var k = keys[s][i];
                if (k == 0) continue;
                var (sentences, sums) = prefix[k];
                var lo = LowerBound(sentences, s - window);
                var hi = LowerBound(sentences, s + window + 1);
                for (var t = 0; t < Kinds; t++) counts[i * Kinds + t] = sums[hi * Kinds + t] - sums[lo * Kinds + t];
                counts[i * Kinds + KindOf(labels[s][i])]--;
            }
            result[s] = counts;
        }
        return result;
    }

    private static int LowerBound(int[] values, int target)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] < target) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
