using System.Runtime.CompilerServices;
using Marsad.Text;

namespace Marsad.Analysis.Topics;

/// <summary>
/// Turns (title, body) into a hashed sparse vector: body words, their light stems, word bigrams, character
/// n-grams of words, title words/stems/bigrams in their own space (so a title word can weigh differently from the
/// same word in the body), and counts of regional versus world place mentions. Each group gets sublinear TF x IDF,
/// is L2-normalised on its own and scaled by its group weight, and the whole vector is then L2-normalised, so a
/// group's share of the vector does not depend on how many features it happens to produce.
/// <para>
/// Features are counted in an open-addressing table keyed by (bucket, group) as they are produced, so a document
/// costs one table probe per feature and nothing is sorted on the prediction path. Words, their normal forms and
/// stems come from the calling thread's <see cref="ArabicAnalyzerChain"/>, whose word caches make stemming a lookup.
/// One instance per thread: it owns reusable buffers.
/// </para>
/// </summary>
internal sealed class TopicFeaturizer
{
    internal const uint GeoProbeSeed = 0x6E0;
    private const uint WordSeed = 0x101, StemSeed = 0x202, BigramSeed = 0x303, CharSeed = 0x404;
    private const uint TitleWordSeed = 0x505, TitleStemSeed = 0x606, TitleBigramSeed = 0x707, GeoSeed = 0x808, StyleSeed = 0x909, LeadSeed = 0xA0A;
    private const int MaxCharGramWord = 24;

    /// <summary>1 + ln(tf) for small term frequencies, the values <see cref="LogTf"/> computes.</summary>
    private static readonly float[] LogTfTable = BuildLogTfTable();

    private readonly TopicFeatureSettings _settings;
    private readonly int _mask;

    // Open-addressing table: slot -> entry index + 1 (0 = empty). Entries are dense, in first-seen order.
    private int[] _slots = new int[4096];
    private int _slotShift = 32 - 12;
    private int[] _keys = new int[1024];
    private int[] _counts = new int[1024];
    private int[] _entrySlots = new int[1024];
    private int _count;
    private float[] _scratch = new float[1024];

    // Pairs of entries whose keys share a bucket (different groups): their values add up in one vector component.
    private int[] _collisions = new int[16];
    private int _collisionCount;

    public TopicFeaturizer(TopicFeatureSettings settings)
    {
        _settings = settings;
        _mask = settings.Buckets - 1;
    }

    public TopicFeatureSettings Settings => _settings;

    /// <summary>Distinct keys (bucket &lt;&lt; 3 | group) of the last <see cref="Count"/>, in first-seen order.</summary>
    public ReadOnlySpan<int> Keys => _keys.AsSpan(0, _count);

    /// <summary>Term frequency of each of <see cref="Keys"/>.</summary>
    public ReadOnlySpan<int> Counts => _counts.AsSpan(0, _count);

    /// <summary>Pairs of indices into <see cref="Keys"/> (flattened) whose keys fall in the same bucket.</summary>
    public ReadOnlySpan<int> Collisions => _collisions.AsSpan(0, _collisionCount * 2);

    /// <summary>A reusable buffer of at least <paramref name="length"/> floats for the caller's per-feature values.</summary>
    public float[] Scratch(int length)
    {
        if (_scratch.Length < length) _scratch = new float[Math.Max(length, _scratch.Length * 2)];
        return _scratch;
    }

    /// <summary>Counts the features of one document; read them from <see cref="Keys"/> and <see cref="Counts"/>.</summary>
    public void Count(string title, string body)
    {
        Clear();
        AddText(title, isTitle: true);
        AddText(body, isTitle: false);
    }

    /// <summary>
    /// Extracts the features of one document as sorted distinct keys (bucket &lt;&lt; 3 | group) with their
    /// sublinear term frequencies 1 + ln(tf). Used for training, where rows are built once and kept.
    /// </summary>
    public (int[] Keys, float[] LogTf) Extract(string title, string body)
    {
        Count(title, body);
        var keys = Keys.ToArray();
        var counts = Counts.ToArray();
        Array.Sort(keys, counts);
        var logTf = new float[counts.Length];
        for (var i = 0; i < counts.Length; i++) logTf[i] = LogTf(counts[i]);
        return (keys, logTf);
    }

    /// <summary>1 + ln(tf), the sublinear term frequency.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float LogTf(int count) => (uint)count < (uint)LogTfTable.Length ? LogTfTable[count] : 1f + MathF.Log(count);

    private static float[] BuildLogTfTable()
    {
        var table = new float[256];
        for (var i = 1; i < table.Length; i++) table[i] = 1f + MathF.Log(i);
        return table;
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
        var settings = _settings;
        if (settings.StyleWeight > 0) AddStyle(text, isTitle);
        var region = GeoLexicon.RegionStems;
        var world = GeoLexicon.WorldStems;
        var useChars = !isTitle && settings.MaxCharGram > 0 && settings.CharWeight > 0;
        int regionCount = 0, worldCount = 0;
        uint previous = 0;
        var first = true;
        var position = 0;
        var useLead = !isTitle && settings.LeadWeight > 0;
        var leadTokens = settings.LeadTokens;
        foreach (var token in ArabicAnalyzerChain.ForCurrentThread.Analyze(text))
        {
            var kind = token.Token.Kind;
            if (kind is not (TokenKind.ArabicWord or TokenKind.LatinWord or TokenKind.Number or TokenKind.Hashtag)) continue;
            var word = token.Normalized;
            // A word of nothing but marks and tatweel normalises away entirely.
            if (word.IsEmpty) continue;
            var stem = token.Stem;
            var stemHash = Hash(stem, isTitle ? TitleStemSeed : StemSeed);
            var wordHash = Hash(word, isTitle ? TitleWordSeed : WordSeed);
            if (isTitle)
            {
                Add(wordHash, TopicFeatureSettings.Title);
                Add(stemHash, TopicFeatureSettings.Title);
                if (!first) Add(Mix(previous, wordHash, TitleBigramSeed), TopicFeatureSettings.Title);
            }
            else
            {
                Add(wordHash, TopicFeatureSettings.Word);
                Add(stemHash, TopicFeatureSettings.Stem);
                if (!first) Add(Mix(previous, wordHash, BigramSeed), TopicFeatureSettings.Bigram);
                if (useLead && position < leadTokens) Add(Hash(stem, LeadSeed), TopicFeatureSettings.Lead);
                if (useChars && kind is TokenKind.ArabicWord or TokenKind.LatinWord && word.Length <= MaxCharGramWord)
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
    /// وبالحكومة, الحكومات and حكومتها share one feature. The same analysis the chain caches per word.
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
        var classes = StyleClasses.Table;
        var before = 's';
        var lines = 0;
        foreach (var c in text)
        {
            var cls = classes[c];
            var kind = cls & StyleClasses.KindMask;
            if (kind == StyleClasses.Mark) Add(Mix(c, before, seed), TopicFeatureSettings.Style);
            else if (kind == StyleClasses.Spelling) Add(Mix(c >= '\u0660' ? '\u0660' : c, 'l', seed), TopicFeatureSettings.Style);
            else if (c == '\n') lines++;
            before = StyleClasses.Before[cls & StyleClasses.BeforeMask];
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
        for (var n = _settings.MinCharGram; n <= _settings.MaxCharGram; n++)
            for (var i = 0; i + n <= p.Length; i++)
                Add(Hash(p.Slice(i, n), CharSeed + (uint)n), TopicFeatureSettings.Char);
    }

    private void Clear()
    {
        var slots = _slots;
        var entrySlots = _entrySlots;
        for (var i = 0; i < _count; i++) slots[entrySlots[i]] = 0;
        _count = 0;
        _collisionCount = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(int bucket) => (int)((uint)bucket * 0x9E3779B1u >> _slotShift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(uint hash, int group)
    {
        var bucket = (int)hash & _mask;
        var key = bucket << 3 | group;
        var slots = _slots;
        var mask = slots.Length - 1;
        var home = Home(bucket);
        var slot = home;
        var sharedBucket = false;
        while (true)
        {
            var entry = slots[slot] - 1;
            if (entry < 0) break;
            var found = _keys[entry];
            if (found == key)
            {
                _counts[entry]++;
                return;
            }
            sharedBucket |= found >> 3 == bucket;
            slot = (slot + 1) & mask;
        }
        // Keys of one bucket share a home slot, so every earlier key of this bucket lies on the probe path.
        if (sharedBucket) RecordCollisions(home, slot, bucket);
        Insert(slot, key);
    }

    /// <summary>Records the entries between <paramref name="from"/> and <paramref name="to"/> whose key has this bucket as sharing it with the next entry.</summary>
    private void RecordCollisions(int from, int to, int bucket)
    {
        var mask = _slots.Length - 1;
        for (var slot = from; slot != to; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot] - 1;
            if (_keys[entry] >> 3 != bucket) continue;
            if ((_collisionCount + 1) * 2 > _collisions.Length) Array.Resize(ref _collisions, _collisions.Length * 2);
            _collisions[_collisionCount * 2] = entry;
            _collisions[_collisionCount * 2 + 1] = _count;
            _collisionCount++;
        }
    }

    private void Insert(int slot, int key)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _counts, _counts.Length * 2);
            Array.Resize(ref _entrySlots, _entrySlots.Length * 2);
        }
        _keys[_count] = key;
        _counts[_count] = 1;
        _entrySlots[_count] = slot;
        _count++;
        _slots[slot] = _count;
        if (_count * 2 > _slots.Length) Grow();
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        _slotShift--;
        var mask = _slots.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var slot = Home(_keys[i] >> 3);
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = i + 1;
            _entrySlots[i] = slot;
        }
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

    /// <summary>
    /// One byte per UTF-16 char, what <see cref="AddStyle"/> needs to know about it: whether it is a style feature
    /// itself (punctuation or symbol, or a spelling variant that normalisation folds) and how it reads as the
    /// char before one (space, letter or digit, anything else).
    /// </summary>
    private static class StyleClasses
    {
        public const int BeforeMask = 3, KindMask = 12;
        public const int Mark = 4, Spelling = 8;

        /// <summary>The char-before classes by the low bits: anything else, white space, letter or digit.</summary>
        public static readonly char[] Before = ['p', 's', 'w', 'p'];

        public static readonly byte[] Table = Build();

        private static byte[] Build()
        {
            var table = new byte[65536];
            for (var i = 0; i < table.Length; i++)
            {
                var c = (char)i;
                var kind = char.IsPunctuation(c) || char.IsSymbol(c) ? Mark
                    : c is '\u0623' or '\u0625' or '\u0622' or '\u0649' or '\u0629' or '\u0640' or '\u0621'
                        or '\u0624' or '\u0626' or (>= '\u064B' and <= '\u0652') or (>= '\u0660' and <= '\u0669') ? Spelling
                    : 0;
                var before = char.IsWhiteSpace(c) ? 1 : char.IsLetterOrDigit(c) ? 2 : 0;
                table[i] = (byte)(kind | before);
            }
            return table;
        }
    }
}
