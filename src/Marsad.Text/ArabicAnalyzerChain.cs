namespace Marsad.Text;

/// <summary>
/// The text pipeline used by indexing, <c>analyze --tokens</c> and the throughput benchmark:
/// tokenise → normalise → clitic segmentation → light stem → stop-word flag.
/// An instance owns one scratch buffer that every token is normalised into, so analysing a text allocates nothing
/// once the buffer has grown to the longest token; for the same reason an instance must not be shared between threads.
/// </summary>
public sealed class ArabicAnalyzerChain
{
    private readonly CliticSegmenter _segmenter;
    private char[] _buffer = new char[64];

    public ArabicAnalyzerChain(CliticSegmenter? segmenter = null, NormalizationOptions options = NormalizationOptions.Default)
    {
        _segmenter = segmenter ?? CliticSegmenter.Default;
        Options = options;
    }

    /// <summary>Normalisation applied to every token; clitic analysis assumes at least <see cref="NormalizationOptions.Default"/>.</summary>
    public NormalizationOptions Options { get; }

    /// <summary>Analyses <paramref name="text"/> lazily, token by token; usable in <c>foreach</c>.</summary>
    public AnalyzedTokenEnumerator Analyze(ReadOnlySpan<char> text) => new(this, text);

    internal WordAnalysisCache Cache { get; } = new();

    internal ShortWordCache ShortCache { get; } = new();

    /// <summary>Analysis of a normalised Arabic word, from the caches when seen before.</summary>
    internal WordAnalysis Lookup(Span<char> buffer, int length)
    {
        ReadOnlySpan<char> word = buffer[..length];
        if (length <= ShortWordCache.MaxLength)
        {
            // Zero padding makes the key of a short word independent of what the buffer held before.
            buffer.Slice(length, ShortWordCache.MaxLength).Clear();
            if (ShortWordCache.TryKey(buffer, length, out var key))
            {
                if (ShortCache.TryGet(key, length, out var packed)) return packed.Unpack();
                var analysis = AnalyzeWord(word);
                ShortCache.Add(key, length, PackedAnalysis.From(analysis));
                return analysis;
            }
        }
        return word.Length <= WordAnalysisCache.MaxWordLength ? LookupPacked(word).Unpack() : AnalyzeWord(word);
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

    internal Span<char> BufferFor(int tokenLength)
    {
        // Room for the worst-case expansion plus the zero padding the hot cache reads as its key.
        var needed = tokenLength * ArabicNormalizer.MaxExpansion + ShortWordCache.MaxLength;
        if (_buffer.Length < needed) _buffer = new char[Math.Max(needed, _buffer.Length * 2)];
        return _buffer;
    }
}
