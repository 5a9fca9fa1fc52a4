using Marsad.Text;

namespace Marsad.Analysis.Topics;

/// <summary>
/// Turns (title, body) into a hashed sparse vector: body words, their light stems, word bigrams, character
/// n-grams of words, title words/stems/bigrams in their own space (so a title word can weigh differently from the
/// same word in the body), and counts of regional versus world place mentions. Each group gets sublinear TF x IDF,
/// is L2-normalised on its own and scaled by its group weight, and the whole vector is then L2-normalised, so a
/// group's share of the vector does not depend on how many features it happens to produce.
/// One instance per thread: it owns reusable buffers.
/// </summary>
internal sealed class TopicFeaturizer(TopicFeatureSettings settings)
{
    internal const uint GeoProbeSeed = 0x6E0;
    private const uint WordSeed = 0x101, StemSeed = 0x202, BigramSeed = 0x303, CharSeed = 0x404;
    private const uint TitleWordSeed = 0x505, TitleStemSeed = 0x606, TitleBigramSeed = 0x707, GeoSeed = 0x808, StyleSeed = 0x909, LeadSeed = 0xA0A;
    private const int MaxCharGramWord = 24;

    private readonly int _mask = settings.Buckets - 1;
    private char[] _chars = new char[4096];
    private int[] _keys = new int[16384];
    private int _keyCount;

    public TopicFeatureSettings Settings => settings;

    /// <summary>
    /// Extracts the features of one document as sorted distinct keys (bucket &lt;&lt; 3 | group) with their
    /// sublinear term frequencies 1 + ln(tf).
    /// </summary>
    public (int[] Keys, float[] LogTf) Extract(string title, string body)
    {
        _keyCount = 0;
        AddText(title, isTitle: true);
        AddText(body, isTitle: false);
        var keys = _keys.AsSpan(0, _keyCount);
        keys.Sort();
        var distinct = 0;
        for (var i = 0; i < keys.Length; i++)
            if (i == 0 || keys[i] != keys[i - 1]) distinct++;
        var outKeys = new int[distinct];
        var outTf = new float[distinct];
        var j = -1;
        var run = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                if (j >= 0) outTf[j] = 1f + MathF.Log(run);
                outKeys[++j] = keys[i];
                run = 0;
            }
            run++;
        }
        if (j >= 0) outTf[j] = 1f + MathF.Log(run);
        return (outKeys, outTf);
    }

    /// <summary>
    /// Applies IDF and the per-group then global L2 normalisation. Buckets with zero IDF (never seen in
    /// training) are dropped. Returns bucket indices (ascending) and values.
    /// </summary>
    public static (int[] Index, float[] Value) Vectorize(int[] keys, float[] logTf, float[] idf, TopicFeatureSettings settings)
    {
        Span<double> groupSq = stackalloc double[TopicFeatureSettings.GroupCount];
        var values = new float[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var v = logTf[i] * idf[keys[i] >> 3];
            values[i] = v;
            groupSq[keys[i] & 7] += (double)v * v;
        }
        Span<float> groupScale = stackalloc float[TopicFeatureSettings.GroupCount];
        for (var g = 0; g < groupScale.Length; g++)
            groupScale[g] = groupSq[g] > 0 ? (float)(settings.Weight(g) / Math.Sqrt(groupSq[g])) : 0f;

        var index = new int[keys.Length];
        var count = 0;
        double total = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            var v = values[i] * groupScale[keys[i] & 7];
            if (v == 0f) continue;
            var bucket = keys[i] >> 3;
            // Keys are sorted by bucket first, so collisions between groups are adjacent.
            if (count > 0 && index[count - 1] == bucket) values[count - 1] += v;
            else { index[count] = bucket; values[count] = v; count++; }
        }
        for (var i = 0; i < count; i++) total += (double)values[i] * values[i];
        var norm = total > 0 ? (float)(1 / Math.Sqrt(total)) : 0f;
        var outIndex = new int[count];
        var outValue = new float[count];
        for (var i = 0; i < count; i++)
        {
            outIndex[i] = index[i];
            outValue[i] = values[i] * norm;
        }
        return (outIndex, outValue);
    }

    private void AddText(string text, bool isTitle)
    {
        if (settings.StyleWeight > 0) AddStyle(text, isTitle);
        var capacity = text.Length * ArabicNormalizer.MaxExpansion;
        if (_chars.Length < capacity) _chars = new char[Math.Max(capacity, _chars.Length * 2)];
        var length = ArabicNormalizer.Normalize(text, _chars);
        ReadOnlySpan<char> normalized = _chars.AsSpan(0, length);
        var region = GeoLexicon.RegionStems;
        var world = GeoLexicon.WorldStems;
        var useChars = !isTitle && settings.MaxCharGram > 0 && settings.CharWeight > 0;
        int regionCount = 0, worldCount = 0;
        uint previous = 0;
        var first = true;
        var position = 0;
        var useLead = !isTitle && settings.LeadWeight > 0;
        foreach (var token in Tokenizer.Enumerate(normalized))
        {
            if (token.Kind is not (TokenKind.ArabicWord or TokenKind.LatinWord or TokenKind.Number or TokenKind.Hashtag)) continue;
            var word = token.Slice(normalized);
            var stem = StemOf(word, token.Kind);
            var wordHash = Hash(word, isTitle ? TitleWordSeed : WordSeed);
            if (isTitle)
            {
                Add(wordHash, TopicFeatureSettings.Title);
                Add(Hash(stem, TitleStemSeed), TopicFeatureSettings.Title);
                if (!first) Add(Mix(previous, wordHash, TitleBigramSeed), TopicFeatureSettings.Title);
            }
            else
            {
                Add(wordHash, TopicFeatureSettings.Word);
                Add(Hash(stem, StemSeed), TopicFeatureSettings.Stem);
                if (!first) Add(Mix(previous, wordHash, BigramSeed), TopicFeatureSettings.Bigram);
                if (useLead && position < settings.LeadTokens) Add(Hash(stem, LeadSeed), TopicFeatureSettings.Lead);
                if (useChars && token.Kind is TokenKind.ArabicWord or TokenKind.LatinWord && word.Length <= MaxCharGramWord)
                    AddCharGrams(word);
            }
            previous = wordHash;
            first = false;
            position++;

            var probe = Hash(stem, GeoProbeSeed);
            if (region.Contains(probe)) regionCount++;
            else if (world.Contains(probe)) worldCount++;
        }
        AddGeo(regionCount, worldCount, isTitle);
    }

    /// <summary>
    /// Clitics decided by corpus evidence (<see cref="CliticSegmenter"/>), then endings stripped by rule, so
    /// وبالحكومة, الحكومات and حكومتها share one feature.
    /// </summary>
    internal static ReadOnlySpan<char> StemOf(ReadOnlySpan<char> word, TokenKind kind)
    {
        if (kind != TokenKind.ArabicWord) return word;
        var segmentation = CliticSegmenter.Default.Segment(word);
        return LightStemmer.StemBase(segmentation.Base(word));
    }

    /// <summary>
    /// Spelling and punctuation habits read from the raw text, before normalisation folds them away: each
    /// punctuation or symbol char together with the class of the char before it (so "x ," and "x," differ), and
    /// each letter or digit form that normalisation would change.
    /// </summary>
    private void AddStyle(string text, bool isTitle)
    {
        var seed = isTitle ? StyleSeed + 1 : StyleSeed;
        var previous = ' ';
        var lines = 0;
        foreach (var c in text)
        {
            if (c == '\n') lines++;
            if (char.IsPunctuation(c) || char.IsSymbol(c))
            {
                var before = char.IsWhiteSpace(previous) ? 's' : char.IsLetterOrDigit(previous) ? 'w' : 'p';
                Add(Mix(c, before, seed), TopicFeatureSettings.Style);
            }
            else if (c is '\u0623' or '\u0625' or '\u0622' or '\u0649' or '\u0629' or '\u0640' or '\u0621'
                     or '\u0624' or '\u0626' or (>= '\u064B' and <= '\u0652') or (>= '\u0660' and <= '\u0669'))
            {
                Add(Mix(c >= '\u0660' ? '\u0660' : c, 'l', seed), TopicFeatureSettings.Style);
            }
            previous = c;
        }
        if (!isTitle) Add(Mix((uint)Math.Min(lines, 40) / 4, 'n', seed), TopicFeatureSettings.Style);
    }

    private void AddGeo(int regionCount, int worldCount, bool isTitle)
    {
        var seed = isTitle ? GeoSeed + 1 : GeoSeed;
        for (var i = 0; i < regionCount; i++) Add(Hash("R", seed), TopicFeatureSettings.Geo);
        for (var i = 0; i < worldCount; i++) Add(Hash("W", seed), TopicFeatureSettings.Geo);
        var dominant = regionCount > worldCount ? "DR" : worldCount > regionCount ? "DW" : regionCount > 0 ? "DT" : "D0";
        Add(Hash(dominant, seed), TopicFeatureSettings.Geo);
    }

    private void AddCharGrams(ReadOnlySpan<char> word)
    {
        // Boundary marks make prefixes and suffixes (clitics, inflections) distinct n-grams.
        Span<char> padded = stackalloc char[MaxCharGramWord + 2];
        padded[0] = '\u0002';
        word.CopyTo(padded[1..]);
        padded[word.Length + 1] = '\u0003';
        var p = padded[..(word.Length + 2)];
        for (var n = settings.MinCharGram; n <= settings.MaxCharGram; n++)
            for (var i = 0; i + n <= p.Length; i++)
                Add(Hash(p.Slice(i, n), CharSeed + (uint)n), TopicFeatureSettings.Char);
    }

    private void Add(uint hash, int group)
    {
        if (_keyCount == _keys.Length) Array.Resize(ref _keys, _keys.Length * 2);
        _keys[_keyCount++] = ((int)hash & _mask) << 3 | group;
    }

    internal static uint Hash(ReadOnlySpan<char> s, uint seed)
    {
        var h = 2166136261u ^ (seed * 16777619u);
        foreach (var c in s) h = (h ^ c) * 16777619u;
        return Fmix(h);
    }

    private static uint Mix(uint a, uint b, uint seed) => Fmix(a * 0x9E3779B1u + b + seed * 0x85EBCA6Bu);

    private static uint Fmix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }
}
