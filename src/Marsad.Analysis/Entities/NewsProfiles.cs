namespace Marsad.Analysis.Entities;

/// <summary>
/// Distant evidence about what a word names, read off unlabelled news: a tagger that may not look at the word
/// itself (only its context, affixes, clusters and gazetteers) labels every sentence of the news collections,
/// and each word's labels are pooled over all its occurrences. A surname that the training data never saw but
/// that the news writes dozens of times after قال or الرئيس gets a strong PERS profile this way.
/// </summary>
/// <remarks>
/// Packed per word: for each type (PERS, LOC, ORG, MISC) the share of occurrences tagged with it in 3 bits,
/// then a 3-bit occurrence-count bucket and a 2-bit bucket of how often its entity readings begin a name.
/// </remarks>
internal static class NewsProfiles
{
    public const int Types = 4;

    /// <summary>Pools labels per article-less word form; keeps words seen at least <paramref name="minCount"/> times.</summary>
    public static Dictionary<uint, int> Build(NerModel contextModel, IEnumerable<List<string>> sentences, int minCount, TextWriter? log = null)
    {
        var tagger = new NerTagger(contextModel);
        var counts = new Dictionary<uint, int[]>();
        long tokens = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var sentence in sentences)
        {
            var labels = tagger.TagLabels(sentence);
            tokens += sentence.Count;
            for (var i = 0; i < sentence.Count; i++)
            {
                var w = sentence[i];
                ArabicForms.SplitProclitics(w, out var bare, out _);
                var key = NerFeatureExtractor.ProfileKey(w.AsSpan(bare));
                if (!counts.TryGetValue(key, out var c)) counts[key] = c = new int[Types + 2];
                var y = labels[i];
                c[Types + 1]++;
                if (y == 0) continue;
                c[NerLabels.TypeOf(y)]++;
                if (!NerLabels.IsInside(y)) c[Types]++;
            }
        }
        log?.WriteLine($"ner: news profiles from {tokens:N0} tokens in {clock.Elapsed.TotalSeconds:F1}s");
        var result = new Dictionary<uint, int>();
        foreach (var (key, c) in counts)
        {
            var total = c[Types + 1];
            if (total < minCount) continue;
            result[key] = Pack(c, total);
        }
        return result;
    }

    private static int Pack(int[] c, int total)
    {
        var packed = 0;
        var entity = 0;
        for (var t = 0; t < Types; t++)
        {
            packed |= ShareBucket(c[t], total) << (3 * t);
            entity += c[t];
        }
        var countBucket = total switch { < 5 => 0, < 10 => 1, < 20 => 2, < 50 => 3, < 100 => 4, < 500 => 5, < 2000 => 6, _ => 7 };
        packed |= countBucket << 12;
        var begin = entity == 0 ? 0 : (4 * c[Types] / entity) switch { 0 => 1, 1 or 2 => 2, _ => 3 };
        packed |= begin << 15;
        return packed;
    }

    private static int ShareBucket(int count, int total)
    {
        if (count == 0) return 0;
        var share = (double)count / total;
        return share switch { < 0.02 => 1, < 0.05 => 2, < 0.1 => 3, < 0.25 => 4, < 0.5 => 5, < 0.8 => 6, _ => 7 };
    }

    public static int Share(int packed, int type) => (packed >> (3 * type)) & 7;

    public static int CountBucket(int packed) => (packed >> 12) & 7;

    public static int BeginBucket(int packed) => (packed >> 15) & 3;

    /// <summary>The type with the largest share (4 when the word was never tagged as a name).</summary>
    public static int Top(int packed)
    {
        var top = Types;
        var best = 0;
        for (var t = 0; t < Types; t++)
        {
            var s = Share(packed, t);
            if (s > best)
            {
                best = s;
                top = t;
            }
        }
        return top;
    }

    public static int TopShare(int packed)
    {
        var best = 0;
        for (var t = 0; t < Types; t++) best = Math.Max(best, Share(packed, t));
        return best;
    }
}
