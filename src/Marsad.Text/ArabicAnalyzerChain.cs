namespace Marsad.Text;

/// <summary>
/// The text pipeline used by indexing, <c>analyze --tokens</c> and the throughput benchmark:
/// tokenise → normalise → clitic segmentation → light stem → stop-word flag.
/// An instance owns one scratch buffer that every token is normalised into, so analysing a text allocates nothing
/// once the buffer has grown to the longest token; for the same reason an instance must not be shared between threads.
/// </summary>
public sealed class ArabicAnalyzerChain
{
    [ThreadStatic]
    private static ArabicAnalyzerChain? t_current;

    private readonly CliticSegmenter _segmenter;
    private char[] _buffer = new char[64];

    public ArabicAnalyzerChain(CliticSegmenter? segmenter = null, NormalizationOptions options = NormalizationOptions.Default)
    {
        _segmenter = segmenter ?? CliticSegmenter.Default;
        Options = options;
        WordMap = ArabicNormalizer.WordMapFor(options);
    }

    /// <summary>
    /// The calling thread's default chain. Its word caches (a few MB) are what make the chain fast, so callers that
    /// analyse one text at a time (pipeline components, snippets) share this one instead of building their own.
    /// </summary>
    public static ArabicAnalyzerChain ForCurrentThread => t_current ??= new ArabicAnalyzerChain();

    /// <summary>Normalisation applied to every token; clitic analysis assumes at least <see cref="NormalizationOptions.Default"/>.</summary>
    public NormalizationOptions Options { get; }

    /// <summary>Analyses <paramref name="text"/> lazily, token by token; usable in <c>foreach</c>.</summary>
    public AnalyzedTokenEnumerator Analyze(ReadOnlySpan<char> text) => new(this, text);

    internal WordAnalysisCache Cache { get; } = new();

    internal ShortWordCache ShortCache { get; } = new();

    internal MediumWordCache MediumCache { get; } = new();

    /// <summary>Analysis of a normalised Arabic word, from the caches when seen before.</summary>
    /// <param name="word">The normalised word.</param>
    /// <param name="shortKey">Its <see cref="ShortWordCache"/> key from <see cref="ArabicNormalizer.NormalizeWord"/>, or 0.</param>
    internal WordAnalysis Lookup(ReadOnlySpan<char> word, ulong shortKey)
    {
        if (shortKey != 0)
        {
            if (ShortCache.TryGet(shortKey, word.Length, out var packed)) return packed.Unpack();
            var analysis = AnalyzeWord(word);
            ShortCache.Add(shortKey, word.Length, PackedAnalysis.From(analysis));
            return analysis;
        }
        if (word.Length is >= MediumWordCache.MinLength and <= MediumWordCache.MaxLength && MediumWordCache.TryPack(word, out var head, out var tail))
            return LookupMedium(word, head, tail).Unpack();
        return word.Length <= WordAnalysisCache.MaxWordLength ? LookupPacked(word).Unpack() : AnalyzeWord(word);
    }

    private PackedAnalysis LookupMedium(ReadOnlySpan<char> word, ulong head, ulong tail)
    {
        if (MediumCache.TryGet(head, tail, word.Length, out var packed)) return packed;
        // A full medium cache still has the general cache behind it.
        packed = LookupPacked(word);
        MediumCache.Add(head, tail, word.Length, packed);
        return packed;
    }

    private PackedAnalysis LookupPacked(ReadOnlySpan<char> word)
    {
        var hash = WordFrequencyLexicon.Hash(word);
        if (Cache.TryGet(word, hash, out var packed)) return packed;
        packed = PackedAnalysis.From(AnalyzeWord(word));
        Cache.Add(word, hash, packed);
        return packed;
    }

    internal WordAnalysis AnalyzeWord(ReadOnlySpan<char> normalized)
    {
        var clitics = _segmenter.Segment(normalized);
        var baseForm = clitics.Base(normalized);
        var stem = LightStemmer.StemBase(baseForm);
        var isStopWord = StopWords.Contains(normalized) || (clitics.HasClitics && StopWords.Contains(baseForm));
        // StemBase only trims endings, so the stem starts where the base does, right after the proclitics.
        return new WordAnalysis(clitics, clitics.ProcliticLength, stem.Length, isStopWord);
    }

    internal char[] Buffer => _buffer;

    internal char[] WordMap { get; }

    /// <summary>Doubles the scratch buffer, keeping its content; only while meeting ever longer words.</summary>
    internal char[] GrowBuffer()
    {
        Array.Resize(ref _buffer, _buffer.Length * 2);
        return _buffer;
    }

    internal Span<char> BufferFor(int tokenLength)
    {
        var needed = tokenLength * ArabicNormalizer.MaxExpansion;
        if (_buffer.Length < needed) _buffer = new char[Math.Max(needed, _buffer.Length * 2)];
        return _buffer;
    }
}
