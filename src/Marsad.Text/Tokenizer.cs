using System.Runtime.CompilerServices;

namespace Marsad.Text;

/// <summary>
/// Splits news text into words, numbers, URLs, e-mails, hashtags, mentions, punctuation and symbols.
/// Works on the original (unnormalised) text so offsets can be mapped back for highlighting; diacritics, tatweel
/// and joiners stay inside the Arabic word they decorate. Each punctuation or symbol character is its own token.
/// </summary>
public static class Tokenizer
{
    /// <summary>Appends every token of <paramref name="text"/> to <paramref name="output"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<Token> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var position = 0;
        while (TryRead(text, ref position, out var token)) output.Add(token);
    }

    /// <summary>Allocation-free enumeration, usable in <c>foreach</c>.</summary>
    public static TokenEnumerator Enumerate(ReadOnlySpan<char> text) => new(text);

    /// <summary>Reads the token starting at or after <paramref name="position"/> and advances past it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryRead(ReadOnlySpan<char> text, ref int position, out Token token)
    {
        var classes = CharClasses.Table;
        var i = position;
        while (i < text.Length)
        {
            var cls = classes[text[i]];
            if (cls == CharClass.ArabicLetter)
            {
                // The dominant case in Arabic news, kept inline and first.
                var end = i + 1;
                while (end < text.Length && classes[text[end]] is CharClass.ArabicLetter or CharClass.ArabicMark) end++;
                token = new Token(i, end - i, TokenKind.ArabicWord);
                position = end;
                return true;
            }
            if (cls is CharClass.Space or CharClass.ArabicMark)
            {
                i++;
                continue;
            }
            token = ReadOther(text, i, cls);
            position = token.End;
            return true;
        }
        position = text.Length;
        token = default;
        return false;
    }

    internal static Token ReadOther(ReadOnlySpan<char> text, int start, CharClass cls)
    {
        var classes = CharClasses.Table;
        var c = text[start];
        switch (cls)
        {
            case CharClass.LatinLetter or CharClass.AsciiDigit:
                {
                    var url = UrlLength(text, start);
                    if (url > 0) return new Token(start, url, TokenKind.Url);
                    var email = EmailLength(text, start);
                    if (email > 0) return new Token(start, email, TokenKind.Email);
                    if (cls == CharClass.AsciiDigit) return new Token(start, NumberLength(text, start), TokenKind.Number);
                    var end = start + 1;
                    while (end < text.Length && classes[text[end]] is CharClass.LatinLetter or CharClass.AsciiDigit or CharClass.OtherLetter) end++;
                    return new Token(start, end - start, TokenKind.LatinWord);
                }
            case CharClass.ArabicDigit:
                return new Token(start, NumberLength(text, start), TokenKind.Number);
            case CharClass.OtherLetter:
                {
                    var end = start + 1;
                    while (end < text.Length && classes[text[end]] is CharClass.LatinLetter or CharClass.OtherLetter or CharClass.AsciiDigit) end++;
                    return new Token(start, end - start, TokenKind.LatinWord);
                }
            case CharClass.HighSurrogate:
                return new Token(start, start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]) ? 2 : 1, TokenKind.Symbol);
            case CharClass.Symbol:
                return new Token(start, 1, TokenKind.Symbol);
        }

        if (c is '#' or '@' && start + 1 < text.Length)
        {
            var end = start + 1;
            while (end < text.Length && IsTagChar(text[end], classes[text[end]])) end++;
            // A tag must start with a letter, digit or underscore, not a joiner or diacritic.
            if (end > start + 1 && classes[text[start + 1]] != CharClass.ArabicMark)
                return new Token(start, end - start, c == '#' ? TokenKind.Hashtag : TokenKind.Mention);
        }
        return new Token(start, 1, TokenKind.Punctuation);
    }

    private static bool IsTagChar(char c, CharClass cls) =>
        cls is CharClass.ArabicLetter or CharClass.ArabicMark or CharClass.LatinLetter or CharClass.AsciiDigit
            or CharClass.ArabicDigit or CharClass.OtherLetter || c == '_';

    private static int NumberLength(ReadOnlySpan<char> text, int start)
    {
        var classes = CharClasses.Table;
        var digitClass = classes[text[start]];
        var end = start + 1;
        while (end < text.Length)
        {
            var cls = classes[text[end]];
            if (cls == digitClass)
            {
                end++;
                continue;
            }
            // A separator belongs to the number only when a digit of the same script follows it: "3,000" and "٣٫٥"
            // are one number, while "3, 4" and a sentence-final "27." are not.
            if (text[end] is '.' or ',' or '\u066B' or '\u066C' && end + 1 < text.Length && classes[text[end + 1]] == digitClass)
            {
                end += 2;
                continue;
            }
            break;
        }
        return end - start;
    }

    private static int UrlLength(ReadOnlySpan<char> text, int start)
    {
        // Nearly every Latin word and number is not a URL; the first letter rules most out without a string compare.
        if (text[start] is not ('h' or 'H' or 'w' or 'W')) return 0;
        var rest = text[start..];
        int prefix;
        if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) prefix = 8;
        else if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) prefix = 7;
        else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) prefix = 4;
        else return 0;

        var end = prefix;
        while (end < rest.Length && !EndsUrl(rest[end])) end++;
        while (end > prefix && IsUrlTrailer(rest[end - 1])) end--;
        return end > prefix ? end : 0;
    }

    private static bool EndsUrl(char c) =>
        CharClasses.Table[c] == CharClass.Space || c is '"' or '<' or '>' or '«' or '»' or '،' or '؛' or '\u201C' or '\u201D' or '\'';

    private static bool IsUrlTrailer(char c) => c is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '؟';

    private static int EmailLength(ReadOnlySpan<char> text, int start)
    {
        var at = start;
        while (at < text.Length && IsLocalPartChar(text[at])) at++;
        if (at == start || at >= text.Length || text[at] != '@') return 0;

        var end = at + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '.')) end++;
        while (end > at + 1 && text[end - 1] is '.' or '-') end--;
        // The domain needs an inner dot: "name@host" alone is more likely a mention glued to a word.
        var lastDot = text[(at + 1)..end].LastIndexOf('.');
        if (lastDot <= 0) return 0;
        return end - start;
    }

    private static bool IsLocalPartChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';
}
