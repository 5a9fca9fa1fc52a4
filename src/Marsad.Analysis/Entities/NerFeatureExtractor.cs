using System.Runtime.CompilerServices;

namespace Marsad.Analysis.Entities;

/// <summary>
/// Turns a sentence into hashed feature ids per token. One instance owns reusable buffers and is not
/// thread-safe; the tagger keeps one per thread.
/// </summary>
internal sealed class NerFeatureExtractor
{
    private const int TBias = 1, TFirst = 2, TWord = 3, TBare = 4, TClitic = 5, TPrefix = 6, TSuffix = 10, TBarePrefix = 14;
    private const int TShape = 18, TLength = 19, TWm1 = 20, TWp1 = 21, TWm2 = 22, TWp2 = 23, TBm1 = 24, TBp1 = 25;
    private const int TBigramLeft = 26, TBigramRight = 27, TBareBigramLeft = 28, TBareBigramRight = 29, TSuffixM1 = 30, TSuffixP1 = 31;
    private const int TCluster = 40, TClusterBare = 44, TClusterM1 = 48, TClusterP1 = 50, TClusterM1Word = 52, TClusterP1Word = 53;
    private const int TGaz = 60, TGazM1 = 61, TGazP1 = 62, TGazWord = 63;
    private const int TTrigger = 70, TTriggerM1 = 71, TTriggerM2 = 72, TTriggerP1 = 73, TTriggerM1Cluster = 74;
    private const int TProfile = 80, TProfileTop = 84, TProfileM1 = 85, TProfileP1 = 86, TProfileNone = 87;
    private const int TCluster2 = 90, TCluster2M1 = 94, TCluster2P1 = 95;
    private const int TFreq = 120, TFreqBare = 121, TFreqShape = 122, TFreqM1 = 123, TFreqP1 = 124;
    private const int TClusterKey = 251, TProfileKey = 254, TPhraseKey = 252, TDocKey = 253;
    public const int MaxFeaturesPerToken = 96;

    /// <summary>Number of leading features per token that identify the word itself (word, bare form, word bigrams).</summary>
    public const int LexicalFeatures = 6;

    private static readonly string Start = "<s>", End = "</s>";

    private readonly HashIndex _gazetteer;
    private readonly HashIndex _clusters;
    private readonly HashIndex _profiles;
    private readonly HashIndex _clusters2;

    private char[] _chars = new char[1024];
    private int[] _normStart = new int[64], _normLength = new int[64], _clitic = new int[64], _bare = new int[64];
    private bool[] _lil = new bool[64];
    private int[] _cluster = new int[64], _clusterBare = new int[64], _profile = new int[64], _cluster2 = new int[64], _freq = new int[64], _freqBare = new int[64];
    private byte[] _gazBegin = new byte[64], _gazInside = new byte[64], _trigger = new byte[64];
    private uint[] _docKeys = new uint[64];
    private bool[] _continues = new bool[64];
    private uint[] _features = new uint[64 * MaxFeaturesPerToken];
    private int[] _offsets = new int[65];
    private int _count;

    public NerFeatureExtractor(NerTables tables)
    {
        _gazetteer = tables.Gazetteer;
        _clusters = tables.Clusters;
        _profiles = tables.Profiles;
        _clusters2 = tables.Clusters2;
        foreach (var (_, value) in _clusters.Entries())
        {
            _hasFrequencies = value >> 16 != 0;
            break;
        }
    }

    /// <summary>Whether the cluster table also carries news frequency buckets (see <see cref="NerResources.FrequencyBucket"/>).</summary>
    private readonly bool _hasFrequencies;

    public ReadOnlySpan<uint> Features => _features.AsSpan(0, _offsets[_count]);

    public ReadOnlySpan<int> Offsets => _offsets.AsSpan(0, _count + 1);

    /// <summary>Per token, the key under which repeats are matched across sentences (0 for tokens that never name anything).</summary>
    public ReadOnlySpan<uint> DocumentKeys => _docKeys.AsSpan(0, _count);

    /// <summary>Per token, whether it links the parts of a name, so an entity cannot end on it (see <see cref="ArabicForms.IsNameLink"/>).</summary>
    public ReadOnlySpan<bool> ContinuesEntity => _continues.AsSpan(0, _count);

    /// <summary>Per token, its word's cluster leaf (-1 when it has none); filled by <see cref="Analyze"/> or <see cref="Extract"/>.</summary>
    public ReadOnlySpan<int> ClusterLeaves => _cluster.AsSpan(0, _count);

    /// <summary>Per token, the cluster leaf of its article-less form (-1 when it has none).</summary>
    public ReadOnlySpan<int> BareClusterLeaves => _clusterBare.AsSpan(0, _count);

    /// <summary>Per token, the gazetteer kinds of the phrases that start at it.</summary>
    public ReadOnlySpan<byte> GazetteerBegins => _gazBegin.AsSpan(0, _count);

    /// <summary>Per token, the gazetteer kinds of the phrases that continue through it.</summary>
    public ReadOnlySpan<byte> GazetteerInsides => _gazInside.AsSpan(0, _count);

    /// <summary>Per token, its <see cref="NerTriggers"/> class (0 for none).</summary>
    public ReadOnlySpan<byte> Triggers => _trigger.AsSpan(0, _count);

    /// <summary>Looks up the per-token tables (clusters, gazetteer matches, triggers) without hashing any features.</summary>
    public void Analyze(IReadOnlyList<string> tokens) => Prepare(tokens);

    public static uint ClusterKey(ReadOnlySpan<char> normalizedWord) => FeatureHash.Of(TClusterKey, normalizedWord);

    /// <summary>Key of a word's news profile: its article-less, proclitic-less normalised form.</summary>
    public static uint ProfileKey(ReadOnlySpan<char> bareWord) => FeatureHash.Of(TProfileKey, bareWord);

    public static uint PhraseKey(IReadOnlyList<string> normalizedTokens)
    {
        var h = FeatureHash.Start(TPhraseKey);
        for (var i = 0; i < normalizedTokens.Count; i++)
        {
            if (i > 0) h.Add(' ');
            h.Add(normalizedTokens[i]);
        }
        return h.Finish();
    }

    public void Extract(IReadOnlyList<string> tokens)
    {
        Prepare(tokens);
        var n = _count;
        var pos = 0;
        for (var i = 0; i < n; i++)
        {
            _offsets[i] = pos;
            pos = ExtractToken(i, pos);
        }
        _offsets[n] = pos;
    }

    private void Prepare(IReadOnlyList<string> tokens)
    {
        var n = tokens.Count;
        _count = n;
        var totalChars = 0;
        for (var i = 0; i < n; i++) totalChars += tokens[i].Length;
        if (_chars.Length < totalChars + 8) _chars = new char[Math.Max(totalChars + 8, _chars.Length * 2)];
        if (_normStart.Length < n)
        {
            var size = Math.Max(n, _normStart.Length * 2);
            _normStart = new int[size]; _normLength = new int[size]; _clitic = new int[size]; _bare = new int[size];
            _lil = new bool[size]; _cluster = new int[size]; _clusterBare = new int[size]; _profile = new int[size]; _cluster2 = new int[size]; _freq = new int[size]; _freqBare = new int[size];
            _gazBegin = new byte[size]; _gazInside = new byte[size]; _trigger = new byte[size]; _docKeys = new uint[size]; _continues = new bool[size];
            _features = new uint[size * MaxFeaturesPerToken];
            _offsets = new int[size + 1];
        }

        var at = 0;
        for (var i = 0; i < n; i++)
        {
            var len = ArabicForms.Normalize(tokens[i], _chars.AsSpan(at));
            _normStart[i] = at;
            _normLength[i] = len;
            at += len;
            var w = Norm(i);
            _clitic[i] = ArabicForms.SplitProclitics(w, out _bare[i], out _lil[i]);
            var raw = _clusters.Get(ClusterKey(w));
            var rawBare = _bare[i] > 0 ? _clusters.Get(ClusterKey(w[_bare[i]..])) : raw;
            _cluster[i] = Leaf(raw);
            _clusterBare[i] = Leaf(rawBare);
            _freq[i] = raw < 0 ? 0 : raw >> 16;
            _freqBare[i] = rawBare < 0 ? 0 : rawBare >> 16;
            _trigger[i] = NerTriggers.Lookup(w[_bare[i]..], w);
            _cluster2[i] = _clusters2.Count > 0 ? _clusters2.Get(ClusterKey(w)) : -1;
            _profile[i] = _profiles.Count > 0 ? _profiles.Get(ProfileKey(w[_bare[i]..])) : -1;
            _docKeys[i] = HasLetters(w[_bare[i]..]) ? FeatureHash.Of(TDocKey, w[_bare[i]..]) : 0;
            _continues[i] = ArabicForms.IsNameLink(w);
            _gazBegin[i] = 0;
            _gazInside[i] = 0;
        }
        if (_gazetteer.Count > 0)
            for (var i = 0; i < n; i++) MatchGazetteer(i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Leaf(int raw) => raw < 0 || (raw & 0xFFFF) == NerResources.ClusterNone ? -1 : raw & 0xFFFF;

    private ReadOnlySpan<char> Norm(int i) => _chars.AsSpan(_normStart[i], _normLength[i]);

    private ReadOnlySpan<char> Bare(int i) => _chars.AsSpan(_normStart[i] + _bare[i], _normLength[i] - _bare[i]);

    /// <summary>
    /// Tries the phrases starting at token <paramref name="i"/> under a few readings of its proclitics (whole
    /// word, conjunction/preposition removed, single leading letter removed) since names like بمصر or ولبنان
    /// carry attached particles that the conservative splitter keeps.
    /// </summary>
    private void MatchGazetteer(int i)
    {
        var w = Norm(i);
        Span<int> starts = stackalloc int[4];
        var variants = 0;
        starts[variants++] = 0;
        if (_clitic[i] > 0 && !_lil[i]) starts[variants++] = _clitic[i];
        if (w.Length >= 4 && IsProclitic(w[0]) && _clitic[i] != 1) starts[variants++] = 1;
        if (w.Length >= 5 && (w[0] == '\u0648' || w[0] == '\u0641') && IsPreposition(w[1]) && _clitic[i] != 2) starts[variants++] = 2;

        for (var v = -1; v < variants; v++)
        {
            var h = FeatureHash.Start(TPhraseKey);
            if (v < 0)
            {
                // لل: the article was assimilated, so rebuild ال + stem.
                if (!_lil[i]) continue;
                h.Add('\u0627');
                h.Add('\u0644');
                h.Add(w[_bare[i]..]);
            }
            else
            {
                h.Add(w[starts[v]..]);
            }
            var end = Math.Min(_count, i + NerResources.GazetteerMaxTokens);
            for (var j = i; j < end; j++)
            {
                if (j > i)
                {
                    h.Add(' ');
                    h.Add(Norm(j));
                }
                var kinds = _gazetteer.Get(h.Finish());
                if (kinds <= 0) continue;
                _gazBegin[i] |= (byte)kinds;
                for (var k = i + 1; k <= j; k++) _gazInside[k] |= (byte)kinds;
            }
        }
    }

    private static bool HasLetters(ReadOnlySpan<char> s)
    {
        if (s.Length < 2) return false;
        foreach (var c in s)
            if (char.IsLetter(c)) return true;
        return false;
    }

    private static bool IsProclitic(char c) => c is '\u0648' or '\u0641' or '\u0628' or '\u0643' or '\u0644';

    private static bool IsPreposition(char c) => c is '\u0628' or '\u0643' or '\u0644';

    private int ExtractToken(int i, int pos)
    {
        var f = _features;
        var w = Norm(i);
        var b = Bare(i);
        var prev = i > 0 ? Norm(i - 1) : Start.AsSpan();
        var next = i + 1 < _count ? Norm(i + 1) : End.AsSpan();
        var prevBare = i > 0 ? Bare(i - 1) : Start.AsSpan();
        var nextBare = i + 1 < _count ? Bare(i + 1) : End.AsSpan();
        // The word-identity features come first, LexicalFeatures of them, so training can drop them as a block.
        f[pos++] = Hash(TWord, w);
        f[pos++] = Hash(TBare, b);
        f[pos++] = Hash2(TBigramLeft, prev, w);
        f[pos++] = Hash2(TBigramRight, w, next);
        f[pos++] = Hash2(TBareBigramLeft, prevBare, b);
        f[pos++] = Hash2(TBareBigramRight, b, nextBare);
        f[pos++] = Hash(TBias, default);
        if (i == 0) f[pos++] = Hash(TFirst, default);
        f[pos++] = Hash(TClitic, w[.._bare[i]]);
        for (var k = 1; k <= 4 && k < w.Length; k++)
        {
            f[pos++] = Hash(TPrefix + k - 1, w[..k]);
            f[pos++] = Hash(TSuffix + k - 1, w[^k..]);
        }
        if (_bare[i] > 0)
            for (var k = 1; k <= 3 && k < b.Length; k++) f[pos++] = Hash(TBarePrefix + k - 1, b[..k]);

        Span<char> shape = stackalloc char[8];
        var sl = 0;
        var last = '\0';
        foreach (var c in w)
        {
            var cls = ArabicForms.ShapeClass(c);
            if (cls == last) continue;
            last = cls;
            shape[sl++] = cls;
            if (sl == shape.Length) break;
        }
        f[pos++] = Hash(TShape, shape[..sl]);
        Span<char> len = [(char)('0' + Math.Min(w.Length, 12))];
        f[pos++] = Hash(TLength, len);

        f[pos++] = Hash(TWm1, prev);
        f[pos++] = Hash(TWp1, next);
        f[pos++] = Hash(TWm2, i > 1 ? Norm(i - 2) : Start.AsSpan());
        f[pos++] = Hash(TWp2, i + 2 < _count ? Norm(i + 2) : End.AsSpan());
        f[pos++] = Hash(TBm1, prevBare);
        f[pos++] = Hash(TBp1, nextBare);
        if (prev.Length > 2) f[pos++] = Hash(TSuffixM1, prev[^2..]);
        if (next.Length > 2) f[pos++] = Hash(TSuffixP1, next[^2..]);

        var cl = _cluster[i];
        if (cl >= 0)
            for (var level = 1; level <= WordClusterBuilder.Depth; level++)
                f[pos++] = HashInt(TCluster + level - 1, level, cl >> (3 * (WordClusterBuilder.Depth - level)));
        else
            f[pos++] = HashInt(TCluster, 9, 0);
        var cb = _clusterBare[i];
        if (cb >= 0 && _bare[i] > 0)
            for (var level = 2; level <= WordClusterBuilder.Depth; level++)
                f[pos++] = HashInt(TClusterBare + level - 1, level, cb >> (3 * (WordClusterBuilder.Depth - level)));
        var cm1 = i > 0 ? _cluster[i - 1] : -2;
        var cp1 = i + 1 < _count ? _cluster[i + 1] : -2;
        f[pos++] = HashInt(TClusterM1, 2, cm1 < 0 ? cm1 : cm1 >> 6);
        f[pos++] = HashInt(TClusterM1 + 1, 4, cm1);
        f[pos++] = HashInt(TClusterP1, 2, cp1 < 0 ? cp1 : cp1 >> 6);
        f[pos++] = HashInt(TClusterP1 + 1, 4, cp1);
        // The exact previous word with the current word's cluster captures "الرئيس <cluster of names>".
        var h = FeatureHash.Start(TClusterM1Word);
        h.Add(prevBare);
        h.Separator();
        h.Add((char)(cl < 0 ? 0xFFFF : cl >> 3));
        f[pos++] = h.Finish();
        h = FeatureHash.Start(TClusterP1Word);
        h.Add((char)(cl < 0 ? 0xFFFF : cl >> 3));
        h.Separator();
        h.Add(nextBare);
        f[pos++] = h.Finish();

        if (_hasFrequencies)
        {
            f[pos++] = HashInt(TFreq, _freq[i], 0);
            f[pos++] = HashInt(TFreqBare, _freqBare[i], _bare[i] > 0 ? 1 : 0);
            f[pos++] = HashInt(TFreqShape, _freq[i], (sl > 0 ? shape[0] : 0) | (Math.Min(w.Length, 12) << 8));
            f[pos++] = HashInt(TFreqM1, i > 0 ? _freq[i - 1] : -1, 0);
            f[pos++] = HashInt(TFreqP1, i + 1 < _count ? _freq[i + 1] : -1, 0);
        }

        if (_clusters2.Count > 0)
        {
            var c2 = _cluster2[i];
            if (c2 >= 0)
                for (var level = 1; level <= WordClusterBuilder.Depth; level++)
                    f[pos++] = HashInt(TCluster2 + level - 1, level, c2 >> (3 * (WordClusterBuilder.Depth - level)));
            else
                f[pos++] = HashInt(TCluster2, 9, 0);
            var c2m = i > 0 ? _cluster2[i - 1] : -2;
            var c2p = i + 1 < _count ? _cluster2[i + 1] : -2;
            f[pos++] = HashInt(TCluster2M1, 3, c2m < 0 ? c2m : c2m >> 3);
            f[pos++] = HashInt(TCluster2P1, 3, c2p < 0 ? c2p : c2p >> 3);
        }

        var gb = _gazBegin[i];
        var gi = _gazInside[i];
        if (gb != 0) f[pos++] = HashInt(TGaz, 'B', gb);
        if (gi != 0) f[pos++] = HashInt(TGaz, 'I', gi);
        if (gb != 0 || gi != 0) f[pos++] = HashInt(TGazWord, gb, gi);
        if (i > 0 && (_gazBegin[i - 1] | _gazInside[i - 1]) != 0) f[pos++] = HashInt(TGazM1, _gazBegin[i - 1], _gazInside[i - 1]);
        if (i + 1 < _count && (_gazBegin[i + 1] | _gazInside[i + 1]) != 0) f[pos++] = HashInt(TGazP1, _gazBegin[i + 1], _gazInside[i + 1]);

        if (_profiles.Count > 0)
        {
            var pr = _profile[i];
            if (pr >= 0)
            {
                for (var t = 0; t < NewsProfiles.Types; t++) f[pos++] = HashInt(TProfile + t, NewsProfiles.Share(pr, t), 0);
                f[pos++] = HashInt(TProfileTop, NewsProfiles.Top(pr), NewsProfiles.TopShare(pr) | (NewsProfiles.CountBucket(pr) << 4) | (NewsProfiles.BeginBucket(pr) << 8));
            }
            else
            {
                f[pos++] = HashInt(TProfileNone, 0, 0);
            }
            var pm = i > 0 ? _profile[i - 1] : -2;
            var pp = i + 1 < _count ? _profile[i + 1] : -2;
            f[pos++] = HashInt(TProfileM1, pm < 0 ? pm : NewsProfiles.Top(pm), pm < 0 ? 0 : NewsProfiles.TopShare(pm));
            f[pos++] = HashInt(TProfileP1, pp < 0 ? pp : NewsProfiles.Top(pp), pp < 0 ? 0 : NewsProfiles.TopShare(pp));
        }

        if (_trigger[i] != 0) f[pos++] = HashInt(TTrigger, _trigger[i], 0);
        if (i > 0 && _trigger[i - 1] != 0)
        {
            f[pos++] = HashInt(TTriggerM1, _trigger[i - 1], 0);
            f[pos++] = HashInt(TTriggerM1Cluster, _trigger[i - 1], cl < 0 ? -1 : cl >> 6);
        }
        if (i > 1 && _trigger[i - 2] != 0) f[pos++] = HashInt(TTriggerM2, _trigger[i - 2], 0);
        if (i + 1 < _count && _trigger[i + 1] != 0) f[pos++] = HashInt(TTriggerP1, _trigger[i + 1], 0);
        return pos;
    }

    // Dozens of these per token: inlined, the template and its first two characters fold into constants.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(int template, ReadOnlySpan<char> s) => FeatureHash.Of(template, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash2(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var h = FeatureHash.Start(template);
        h.Add(a);
        h.Separator();
        h.Add(b);
        return h.Finish();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint HashInt(int template, int a, int b)
    {
        var h = FeatureHash.Start(template);
        h.Add((char)(a & 0xFFFF));
        h.Add((char)((a >> 16) & 0xFFFF));
        h.Add((char)(b & 0xFFFF));
        h.Add((char)((b >> 16) & 0xFFFF));
        return h.Finish();
    }
}
