namespace Marsad.Text;

/// <summary>Allocation-free enumerator over the analysed tokens of one text; obtain it from <see cref="ArabicAnalyzerChain.Analyze"/>.</summary>
public ref struct AnalyzedTokenEnumerator
{
    private readonly ArabicAnalyzerChain _chain;
    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private AnalyzedToken _current;

    internal AnalyzedTokenEnumerator(ArabicAnalyzerChain chain, ReadOnlySpan<char> text)
    {
        _chain = chain;
        _text = text;
        _position = 0;
        _current = default;
    }

    public readonly AnalyzedToken Current => _current;

    public readonly AnalyzedTokenEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (!Tokenizer.TryRead(_text, ref _position, out var token)) return false;
        var source = _text.Slice(token.Start, token.Length);
        var buffer = _chain.BufferFor(token.Length);
        var length = ArabicNormalizer.Normalize(source, buffer, _chain.Options);
        ReadOnlySpan<char> normalized = buffer[..length];

        if (token.Kind != TokenKind.ArabicWord || length == 0)
        {
            _current = new AnalyzedToken(token, normalized, normalized, default, false);
            return true;
        }

        var analysis = _chain.Lookup(buffer, length);
        _current = new AnalyzedToken(token, normalized, normalized.Slice(analysis.StemStart, analysis.StemLength), analysis.Clitics, analysis.IsStopWord);
        return true;
    }
}
