namespace Marsad.Analysis.Reading;

/// <summary>
/// The canonical article layout: a title line, blank line(s), an optional date line, then the body.
/// Without a date line the body starts right after the title; without a blank line the first line is the
/// title and the rest the body. This is the fallback for any text no structured format claims, except
/// markup, which is reported as unrecognised rather than read as an article.
/// </summary>
public sealed class PlainTextFormat : IArticleFormat
{
    // Blank lines and the date line around title and body do not count towards the article limit.
    private const int LayoutSlack = 4096;

    public string Name => "plain text";

    public bool Accepts(ReadOnlySpan<char> head, string name)
    {
        var s = head.TrimStart();
        if (s.IsEmpty) return false;
        return !(s[0] == '<' && s.Length > 1 && (char.IsAsciiLetter(s[1]) || s[1] is '?' or '!'));
    }

    public IEnumerable<ReadResult> Read(TextSource source, CancellationToken ct)
    {
        // One article per file: a file far past the article limit is refused without being read whole.
        var limit = source.Options.MaxArticleChars;
        var text = source.ReadAllText((int)Math.Min((long)limit + LayoutSlack, int.MaxValue));
        yield return text is null
            ? ReadResult.Fail(source.Origin, $"article is more than {limit:N0} characters long, over the limit (a dump or several articles in one?)")
            : Parse(text, source.Origin, source.Options);
    }

    internal static ReadResult Parse(string text, string origin, ReaderOptions options)
    {
        var s = text.AsSpan();
        var pos = 0;
        SkipBlankLines(s, ref pos);
        if (pos >= s.Length) return ReadResult.Fail(origin, "empty file");

        var title = NextLine(s, ref pos);
        SkipBlankLines(s, ref pos);

        DateOnly? date = null;
        var bodyStart = pos;
        if (pos < s.Length)
        {
            var probe = pos;
            var line = NextLine(s, ref probe);
            if (DateLineParser.TryParse(line, out var d))
            {
                date = d;
                pos = probe;
                SkipBlankLines(s, ref pos);
                bodyStart = pos;
            }
        }

        if (bodyStart >= s.Length)
            return ReadResult.Fail(origin, date is null ? "no body: only a title line" : "no body after the date line");
        return ArticleFactory.Create(options, origin, title.ToString(), text[bodyStart..], date);
    }

    private static ReadOnlySpan<char> NextLine(ReadOnlySpan<char> s, ref int pos)
    {
        var rest = s[pos..];
        var nl = rest.IndexOfAny('\n', '\r');
        if (nl < 0)
        {
            pos = s.Length;
            return rest;
        }
        pos += nl + (rest[nl] == '\r' && nl + 1 < rest.Length && rest[nl + 1] == '\n' ? 2 : 1);
        return rest[..nl];
    }

    private static void SkipBlankLines(ReadOnlySpan<char> s, ref int pos)
    {
        while (pos < s.Length)
        {
            var probe = pos;
            if (!NextLine(s, ref probe).IsWhiteSpace()) return;
            pos = probe;
        }
    }
}
