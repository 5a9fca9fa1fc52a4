using Marsad.Text;

namespace Marsad.Analysis.Places;

/// <summary>
/// The tokens of a text with the <see cref="PlaceNames.Key"/> of each Arabic word, computed once per article for the
/// linker and the geocoder, which look every word up in several tables. The keys are laid out in one buffer in token
/// order, one space apart, so the key of a run of contiguous words is a single slice of it (the key of the phrase).
/// </summary>
public sealed class KeyedWords
{
    private readonly char[] _keys;
    private readonly int[] _keyStart;
    private readonly int[] _keyLength;

    public KeyedWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        Tokens = tokens;
        _keyStart = new int[tokens.Count];
        _keyLength = new int[tokens.Count];
        var capacity = 0;
        foreach (var token in tokens)
            if (token.Kind == TokenKind.ArabicWord) capacity += token.Length * ArabicNormalizer.MaxExpansion + 1;
        _keys = new char[capacity];
        var written = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.ArabicWord) continue;
            _keyStart[i] = written;
            _keyLength[i] = PlaceNames.KeyInto(text.AsSpan(tokens[i].Start, tokens[i].Length), _keys.AsSpan(written));
            written += _keyLength[i];
            _keys[written++] = ' ';
        }
    }

    public string Text { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public int Count => Tokens.Count;

    /// <summary>The key of token <paramref name="i"/> (empty unless it is an Arabic word).</summary>
    public ReadOnlySpan<char> Key(int i) => _keys.AsSpan(_keyStart[i], _keyLength[i]);

    /// <summary>The key of the <paramref name="n"/> words from <paramref name="i"/>; only meaningful when they are <see cref="Contiguous"/>.</summary>
    public ReadOnlySpan<char> Key(int i, int n)
    {
        var last = i + n - 1;
        return _keys.AsSpan(_keyStart[i], _keyStart[last] + _keyLength[last] - _keyStart[i]);
    }

    /// <summary>
    /// Whether the n tokens from i are Arabic words with a non-empty key, separated by nothing but white space, so
    /// that <see cref="Key(int, int)"/> is the key of the phrase they spell.
    /// </summary>
    public bool Contiguous(int i, int n)
    {
        if (i < 0 || i + n > Tokens.Count) return false;
        for (var k = i; k < i + n; k++)
        {
            if (Tokens[k].Kind != TokenKind.ArabicWord || _keyLength[k] == 0) return false;
            if (k > i && !Text.AsSpan(Tokens[k - 1].End, Tokens[k].Start - Tokens[k - 1].End).IsWhiteSpace()) return false;
        }
        return true;
    }
}
