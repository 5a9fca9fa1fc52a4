namespace Marsad.Analysis.Reading;

/// <summary>
/// ANT corpus files: one or more <c>&lt;DOC&gt;</c> blocks with DOCNO, URL, SRC, CAT, TITLE, TIME, AUTHOR,
/// ABSTRACT and TEXT elements. Bodies hold unescaped <c>&amp;</c> and <c>&lt;</c>, so this is not XML: tags are
/// located as literal strings, metadata tags only before <c>&lt;TEXT&gt;</c>, and TEXT runs to its last closing
/// tag in the block. Text is kept as written (no entity decoding).
/// </summary>
public sealed class AntDocFormat : IArticleFormat
{
    private const string DocOpen = "<DOC>";
    private const string DocClose = "</DOC>";

    public string Name => "ANT <DOC>";

    public bool Accepts(ReadOnlySpan<char> head, string name) =>
        head.TrimStart().StartsWith(DocOpen, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ReadResult> Read(TextSource source, CancellationToken ct)
    {
        var text = source.ReadAllText();
        var blocks = SplitBlocks(text);
        for (var i = 0; i < blocks.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var origin = blocks.Count == 1 ? source.Origin : $"{source.Origin}#{i + 1}";
            yield return ParseBlock(text, blocks[i], origin, source.Options);
        }
    }

    private static List<Range> SplitBlocks(string text)
    {
        var blocks = new List<Range>(1);
        var s = text.AsSpan();
        var pos = s.IndexOf(DocOpen, StringComparison.OrdinalIgnoreCase);
        while (pos >= 0)
        {
            var start = pos + DocOpen.Length;
            var rest = s[start..];
            var close = rest.IndexOf(DocClose, StringComparison.OrdinalIgnoreCase);
            var nextOpen = rest.IndexOf(DocOpen, StringComparison.OrdinalIgnoreCase);
            // A block without its closing tag ends where the next one starts, or at the end of the file.
            var end = close >= 0 && (nextOpen < 0 || close < nextOpen) ? close : nextOpen >= 0 ? nextOpen : rest.Length;
            blocks.Add(new Range(start, start + end));
            pos = nextOpen >= 0 ? start + nextOpen : -1;
        }
        return blocks;
    }

    private static ReadResult ParseBlock(string text, Range block, string origin, ReaderOptions options)
    {
        var doc = text.AsSpan()[block];
        var textOpen = doc.IndexOf("<TEXT>", StringComparison.OrdinalIgnoreCase);
        if (textOpen < 0) return ReadResult.Fail(origin, "<DOC> has no <TEXT> element");
        var header = doc[..textOpen];
        var bodyPart = doc[(textOpen + "<TEXT>".Length)..];
        var textClose = bodyPart.LastIndexOf("</TEXT>", StringComparison.OrdinalIgnoreCase);
        if (textClose < 0) return ReadResult.Fail(origin, "truncated <DOC>: <TEXT> is not closed");
        var body = bodyPart[..textClose];

        var time = Element(header, "TIME");
        DateOnly? date = DateLineParser.TryParse(time, out var d) ? d : DateFromDocNo(Element(header, "DOCNO"));

        return ArticleFactory.Create(options, origin,
            Element(header, "TITLE").ToString(),
            body.ToString(),
            date,
            NullIfEmpty(Element(header, "SRC")),
            NullIfEmpty(Element(header, "URL")),
            NullIfEmpty(Element(header, "CAT")),
            NullIfEmpty(Element(header, "ABSTRACT")),
            NullIfEmpty(Element(header, "AUTHOR")));
    }

    private static ReadOnlySpan<char> Element(ReadOnlySpan<char> header, string tag)
    {
        Span<char> open = stackalloc char[tag.Length + 2];
        open[0] = '<';
        tag.CopyTo(open[1..]);
        open[^1] = '>';
        var start = header.IndexOf(open, StringComparison.OrdinalIgnoreCase);
        if (start < 0) return default;
        var rest = header[(start + open.Length)..];
        Span<char> close = stackalloc char[tag.Length + 3];
        close[0] = '<';
        close[1] = '/';
        tag.CopyTo(close[2..]);
        close[^1] = '>';
        var end = rest.IndexOf(close, StringComparison.OrdinalIgnoreCase);
        if (end < 0) end = rest.IndexOf('\n'); // unclosed metadata tag: its value is the rest of the line
        return (end < 0 ? rest : rest[..end]).Trim();
    }

    // ANT document numbers end in the filing day (e.g. -20180715); used only when TIME is missing or unreadable.
    private static DateOnly? DateFromDocNo(ReadOnlySpan<char> docNo)
    {
        if (docNo.Length < 9 || docNo[^9] != '-') return null;
        var digits = docNo[^8..];
        foreach (var c in digits)
            if (!char.IsAsciiDigit(c)) return null;
        var y = int.Parse(digits[..4]);
        var m = int.Parse(digits[4..6]);
        var day = int.Parse(digits[6..]);
        if (y < 1800 || m is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(y, m)) return null;
        return new DateOnly(y, m, day);
    }

    private static string? NullIfEmpty(ReadOnlySpan<char> s) => s.IsEmpty ? null : s.ToString();
}
