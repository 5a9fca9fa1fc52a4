using System.Globalization;

namespace Marsad.Analysis.Sentences;

/// <summary>
/// Cuts a body into words with their attached punctuation and decides, per word, whether that punctuation
/// ends a sentence. Decimal numbers, URLs and initials keep their dots inside a word or are recognised here.
/// </summary>
internal static class SentenceTokenizer
{
    private const char ArabicQuestionMark = '\u061F';
    private const char ArabicFullStop = '\u06D4';
    private const char Ellipsis = '\u2026';
    private const char Tatweel = '\u0640';

    public static void Tokenize(string body, List<SentenceWord> words)
    {
        words.Clear();
        var line = 0;
        var lineStart = true;
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (char.IsWhiteSpace(c))
            {
                if (IsLineBreak(c))
                {
                    // \r\n counts as one break; blank lines add nothing beyond a break.
                    if (!lineStart && words.Count > 0)
                    {
                        var last = words[^1];
                        last.LineBreakAfter = true;
                        words[^1] = last;
                        line++;
                    }
                    lineStart = true;
                }
                i++;
                continue;
            }

            var runEnd = i;
            while (runEnd < body.Length && !char.IsWhiteSpace(body[runEnd])) runEnd++;
            AddRun(body, i, runEnd, words, ref lineStart, line);
            i = runEnd;
        }

        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            word.Terminal = Classify(body, word);
            words[w] = word;
        }
    }

    public static bool IsWordChar(char c)
    {
        if (c < 128) return char.IsAsciiLetterOrDigit(c);
        if (char.IsLetterOrDigit(c)) return true;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    public static bool IsTerminalChar(char c) =>
        c is '.' or '!' or '?' or ArabicQuestionMark or ArabicFullStop or Ellipsis;

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085';

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3';

    private static void AddRun(string body, int start, int end, List<SentenceWord> words, ref bool lineStart, int line)
    {
        var run = body.AsSpan(start, end - start);
        var urlLike = run.Contains("://", StringComparison.Ordinal) || run.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || run.Contains('@');
        var pieceStart = start;
        if (!urlLike)
        {
            // Scraped news often drops the space after a full stop or comma ("الحدث.وأضاف"); such a run holds two words.
            var p = start + 1;
            while (p < end)
            {
                if (IsWordChar(body[p]) || !IsArabicFlank(body[p - 1]))
                {
                    p++;
                    continue;
                }
                var q = p;
                var splits = false;
                while (q < end && !IsWordChar(body[q]))
                {
                    if (IsTerminalChar(body[q]) || body[q] is '\u060C' or '\u061B' or ':' or ',') splits = true;
                    q++;
                }
                if (splits && q < end && IsArabicLetter(body[q]))
                {
                    AddPiece(body, pieceStart, q, words, ref lineStart, line);
                    pieceStart = q;
                }
                p = q + 1;
            }
        }
        AddPiece(body, pieceStart, end, words, ref lineStart, line);
    }

    private static bool IsArabicFlank(char c) => IsArabicLetter(c) || char.IsDigit(c) || c is '\u064B' or '\u064C' or '\u064D' or '\u064E' or '\u064F' or '\u0650' or '\u0651' or '\u0652' or Tatweel or ')' or '"' or '\u00BB';

    private static void AddPiece(string body, int start, int end, List<SentenceWord> words, ref bool lineStart, int line)
    {
        var coreStart = start;
        while (coreStart < end && !IsWordChar(body[coreStart])) coreStart++;
        if (coreStart == end)
        {
            // Punctuation standing alone ("كذا ." or "- ") belongs to the word before it on the same line.
            if (!lineStart && words.Count > 0)
            {
                var last = words[^1];
                last.End = end;
                words[^1] = last;
            }
            return;
        }
        var coreEnd = end;
        while (!IsWordChar(body[coreEnd - 1])) coreEnd--;
        words.Add(new SentenceWord
        {
            Start = start,
            End = end,
            CoreStart = coreStart,
            CoreEnd = coreEnd,
            LineStart = lineStart,
            Line = line,
        });
        lineStart = false;
    }

    private static TerminalKind Classify(string body, in SentenceWord word)
    {
        var strong = false;
        var dots = 0;
        var maxDotRun = 0;
        var dotRun = 0;
        var ellipsis = false;
        for (var i = word.CoreEnd; i < word.End; i++)
        {
            var c = body[i];
            if (c is '!' or '?' or ArabicQuestionMark or ArabicFullStop) strong = true;
            else if (c == Ellipsis) ellipsis = true;
            if (c == '.')
            {
                dots++;
                dotRun++;
                if (dotRun > maxDotRun) maxDotRun = dotRun;
            }
            else if (!char.IsWhiteSpace(c))
            {
                dotRun = 0;
            }
        }
        if (strong) return TerminalKind.Strong;
        if (ellipsis || maxDotRun >= 2) return TerminalKind.Weak;
        if (dots == 0) return TerminalKind.None;
        return IsAbbreviation(body.AsSpan(word.CoreStart, word.CoreEnd - word.CoreStart), word.LineStart)
            ? TerminalKind.None
            : TerminalKind.Strong;
    }

    private static readonly string[] LatinAbbreviations =
    [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "no", "gen",
        "col", "lt", "sgt", "capt", "gov", "sen", "rep", "mt", "ft", "approx", "dept", "est", "fig", "vol",
    ];

    private static bool IsAbbreviation(ReadOnlySpan<char> core, bool lineStart)
    {
        // A dot after a single letter is an initial (د. for doctor, م. for metre, J. for a name).
        var letters = 0;
        var digits = 0;
        var segmentLetters = 0;
        var longestSegment = 0;
        var hasInnerDot = false;
        foreach (var c in core)
        {
            if (c == '.')
            {
                hasInnerDot = true;
                segmentLetters = 0;
                continue;
            }
            if (char.IsLetter(c) && c != Tatweel)
            {
                letters++;
                segmentLetters++;
                if (segmentLetters > longestSegment) longestSegment = segmentLetters;
            }
            else if (char.IsDigit(c))
            {
                digits++;
            }
        }
        if (letters == 1 && digits == 0) return true;
        if (hasInnerDot && digits == 0 && longestSegment <= 2) return true;
        // "1." opening a line numbers a list item.
        if (lineStart && letters == 0 && digits is > 0 and <= 3) return true;
        if (letters is >= 2 and <= 6 && core.Length <= 6 && char.IsAsciiLetter(core[0]))
        {
            Span<char> lower = stackalloc char[core.Length];
            core.ToLowerInvariant(lower);
            foreach (var abbreviation in LatinAbbreviations)
            {
                if (lower.SequenceEqual(abbreviation)) return true;
            }
        }
        return false;
    }
}
