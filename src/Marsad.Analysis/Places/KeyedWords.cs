using Marsad.Text;

namespace Marsad.Analysis.Places;

/// <summary>
/// The tokens of a text with the <see cref="PlaceNames.Key"/> of each Arabic word, computed once per article for the
/// linker and the geocoder, which look every word up in several tables. The keys are laid out in one buffer in token
/// order, one space apart, so the key of a run of contiguous words is a single slice of it (the key of the phrase).
/// </summary>
public sealed class KeyedWords
{
    private char[] _keys;
    private readonly int[] _keyStart;
    private readonly int[] _keyLength;

    public KeyedWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        // About one token per six characters of news text; sized up front so the list does not regrow.
        var tokens = new List<Token>(text.Length / 5 + 1);
        Tokenizer.Tokenize(text, tokens);
        Tokens = tokens;
        _keyStart = new int[tokens.Count];
        _keyLength = new int[tokens.Count];
        // A key is rarely longer than its word (only ligatures expand), so the buffer starts at the words' length
        // and grows in the rare case a word needs more.
        var capacity = 0;
        foreach (var token in tokens)
            if (token.Kind == TokenKind.ArabicWord) capacity += token.Length + 1;
        _keys = new char[capacity];
        var written = 0;
        Span<char> scratch = stackalloc char[256];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.ArabicWord) continue;
            var word = text.AsSpan(tokens[i].Start, tokens[i].Length);
            var room = word.Length * ArabicNormalizer.MaxExpansion <= scratch.Length ? scratch : new char[word.Length * ArabicNormalizer.MaxExpansion];
            var length = PlaceNames.KeyInto(word, room);
            if (written + length + 1 > _keys.Length) Array.Resize(ref _keys, Math.Max(written + length + 1, _keys.Length * 2));
            room[..length].CopyTo(_keys.AsSpan(written));
            _keyStart[i] = written;
            _keyLength[i] = length;
            written += length;
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
