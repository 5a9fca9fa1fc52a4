using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        // Both tables have 64K entries, indexed by a char read below text.Length, so no read needs a bounds check.
        ref var source = ref MemoryMarshal.GetReference(text);
        ref var classes = ref MemoryMarshal.GetArrayDataReference(CharClasses.Table);
        var i = _position;
        CharClass cls = CharClass.Space;
        while (i < text.Length && (cls = Unsafe.Add(ref classes, Unsafe.Add(ref source, i))) is CharClass.Space or CharClass.ArabicMark) i++;
        if (i >= text.Length)
        {
            _position = text.Length;
            return false;
        }
        if (cls != CharClass.ArabicLetter) return ReadOther(i, cls);

        // Arabic words, the bulk of news text, are scanned, normalised and packed into their cache key in one pass
        // (the same rules as Tokenizer.TryRead and ArabicNormalizer.NormalizeWord, fused). The word map answers
        // "does the word go on?" and "what does this character become?" in one read. Stopping at the buffer's length
        // keeps every write in bounds without a per-character check; a longer word, or a ligature that expands, is
        // rare enough to start over on the general path.
        var buffer = _chain.Buffer;
        ref var map = ref MemoryMarshal.GetArrayDataReference(_chain.WordMap);
        ref var output = ref MemoryMarshal.GetArrayDataReference(buffer);
        var start = i;
        var limit = Math.Min(text.Length, start + buffer.Length);
        var written = 0;
        ulong key = 0;
        uint foreign = 0;
        while (true)
        {
            var m = Unsafe.Add(ref map, Unsafe.Add(ref source, i));
            if (m < ArabicNormalizer.WordEnd)
            {
                Unsafe.Add(ref output, written) = m;
                // Past the eighth character the shift wraps and spoils the key, but such a word never uses it.
                key |= (ulong)(byte)m << (written * 8);
                foreign |= (uint)(m >> 8) ^ 0x06u;
                written++;
            }
            else if (m == ArabicNormalizer.WordEnd) break;
            else if (m == ArabicNormalizer.Expand) return ReadArabicWord(start);
            if (++i == limit)
            {
                if (i < text.Length) return ReadArabicWord(start);
                break;
            }
        }
        return Complete(start, i, buffer, written, written <= ShortWordCache.MaxLength && foreign == 0 ? key : 0);
    }

    /// <summary>The general path of <see cref="MoveNext"/> for an Arabic word: grows the buffer and expands ligatures.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ReadArabicWord(int start)
    {
        var text = _text;
        var map = _chain.WordMap;
        var buffer = _chain.Buffer;
        var i = start;
        var written = 0;
        ulong key = 0;
        var fits = true;
        while (i < text.Length)
        {
            var c = text[i];
            var m = map[c];
            if (m < ArabicNormalizer.WordEnd)
            {
                if (written >= buffer.Length) buffer = _chain.GrowBuffer();
                buffer[written] = m;
                if (written < ShortWordCache.MaxLength && (m >> 8) == 0x06) key |= (ulong)(byte)m << (written * 8);
                else fits = false;
                written++;
            }
            else if (m == ArabicNormalizer.WordEnd) break;
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
        return Complete(start, i, buffer, written, fits ? key : 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Complete(int start, int end, char[] buffer, int written, ulong shortKey)
    {
        _position = end;
        var token = new Token(start, end - start, TokenKind.ArabicWord);
        ReadOnlySpan<char> normalized = new(buffer, 0, written);
        if (written == 0)
        {
            _current = new AnalyzedToken(token, normalized, normalized, default, false);
            return true;
        }

        var analysis = _chain.Lookup(normalized, shortKey);
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
