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
        var text = _text;
        var classes = CharClasses.Table;
        var i = _position;
        CharClass cls = CharClass.Space;
        while (i < text.Length && (cls = classes[text[i]]) is CharClass.Space or CharClass.ArabicMark) i++;
        if (i >= text.Length)
        {
            _position = text.Length;
            return false;
        }
        if (cls != CharClass.ArabicLetter) return ReadOther(i, cls);

        // Arabic words, the bulk of news text, are scanned, normalised and packed into their cache key in one pass
        // (the same rules as Tokenizer.TryRead and ArabicNormalizer.NormalizeWord, fused).
        var map = _chain.Map;
        var buffer = _chain.Buffer;
        var start = i;
        var written = 0;
        ulong key = 0;
        var fits = true;
        do
        {
            var c = text[i];
            var m = map[c];
            if (m < ArabicNormalizer.Expand)
            {
                if (written >= buffer.Length) buffer = _chain.GrowBuffer();
                buffer[written] = m;
                if (written < ShortWordCache.MaxLength && (m >> 8) == 0x06) key |= (ulong)(byte)m << (written * 8);
                else fits = false;
                written++;
            }
            else if (m == ArabicNormalizer.Expand)
            {
                var expansion = ArabicNormalizer.ExpansionOf(c, _chain.Options);
                while (written + expansion.Length > buffer.Length) buffer = _chain.GrowBuffer();
                expansion.CopyTo(buffer.AsSpan(written));
                written += expansion.Length;
                fits = false;
            }
            i++;
        }
        while (i < text.Length && classes[text[i]] is CharClass.ArabicLetter or CharClass.ArabicMark);

        _position = i;
        var token = new Token(start, i - start, TokenKind.ArabicWord);
        ReadOnlySpan<char> normalized = buffer.AsSpan(0, written);
        if (written == 0)
        {
            _current = new AnalyzedToken(token, normalized, normalized, default, false);
            return true;
        }

        var analysis = _chain.Lookup(normalized, fits ? key : 0);
        _current = new AnalyzedToken(token, normalized, normalized.Slice(analysis.StemStart, analysis.StemLength), analysis.Clitics, analysis.IsStopWord);
        return true;
    }

    private bool ReadOther(int start, CharClass cls)
    {
        var token = Tokenizer.ReadOther(_text, start, cls);
        _position = token.End;
        var buffer = _chain.BufferFor(token.Length);
        ReadOnlySpan<char> normalized = buffer[..ArabicNormalizer.Normalize(_text.Slice(token.Start, token.Length), buffer, _chain.Options)];
        _current = new AnalyzedToken(token, normalized, normalized, default, false);
        return true;
    }
}
