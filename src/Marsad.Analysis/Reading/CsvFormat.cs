namespace Marsad.Analysis.Reading;

/// <summary>
/// Delimited text with a header row naming at least a title and a body column (<c>title</c>, <c>body</c> /
/// <c>content</c> / <c>text</c>, optionally <c>date</c>, <c>source</c>, <c>url</c>, <c>category</c>…).
/// Comma, tab and semicolon delimiters are recognised from the header. Records stream one at a time and are
/// numbered from 1 (the header is not counted).
/// </summary>
public sealed class CsvFormat : IArticleFormat
{
    private static readonly char[] Delimiters = [',', '\t', ';'];

    public string Name => "CSV";

    public bool Accepts(ReadOnlySpan<char> head, string name) => DetectDelimiter(head) != '\0';

    public IEnumerable<ReadResult> Read(TextSource source, CancellationToken ct)
    {
        using var text = source.OpenText();
        var firstLine = PeekHeader(text, out var replay);
        var delimiter = DetectDelimiter(firstLine);
        if (delimiter == '\0')
        {
            yield return ReadResult.Fail(source.Origin, "CSV header has no title and body columns");
            yield break;
        }
        var csv = new CsvRecordReader(replay, delimiter, source.Options.MaxRecordBytes);
        var row = new List<string>();
        csv.Read(row);
        var columns = new RecordField[row.Count];
        for (var i = 0; i < row.Count; i++) columns[i] = RecordFields.Classify(row[i]);

        var fields = new RecordFields(source.Options);
        var n = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var status = csv.Read(row);
            if (status == ScanStatus.End) yield break;
            n++;
            var origin = $"{source.Origin}#{n}";
            switch (status)
            {
                case ScanStatus.Truncated:
                    yield return ReadResult.Fail(origin,
                        $"truncated CSV: quoted field opened on line {csv.RecordLine:N0} is never closed");
                    yield break;
                case ScanStatus.TooLarge:
                    yield return ReadResult.Fail(origin,
                        $"record on line {csv.RecordLine:N0} is longer than the limit of {source.Options.MaxRecordBytes:N0} characters");
                    continue;
            }
            if (row.Count != columns.Length)
            {
                yield return ReadResult.Fail(origin,
                    $"record on line {csv.RecordLine:N0} has {row.Count} fields, the header has {columns.Length}");
                continue;
            }
            fields.Clear();
            for (var i = 0; i < columns.Length; i++) fields.Set(columns[i], row[i]);
            yield return fields.ToResult(origin);
        }
    }

    // The header is read once to find the delimiter, then replayed to the record reader.
    private static string PeekHeader(TextReader text, out TextReader replay)
    {
        var header = text.ReadLine() ?? "";
        replay = new ConcatReader(header + "\n", text);
        return header;
    }

    private static char DetectDelimiter(ReadOnlySpan<char> head)
    {
        var s = head.TrimStart('\uFEFF');
        var nl = s.IndexOfAny('\n', '\r');
        var header = nl < 0 ? s : s[..nl];
        if (header.IsEmpty || header.Length > 4096) return '\0';
        foreach (var d in Delimiters)
        {
            if (header.IndexOf(d) < 0) continue;
            var title = false;
            var body = false;
            foreach (var range in header.Split(d))
            {
                var name = header[range].Trim().Trim('"');
                var field = RecordFields.Classify(name);
                title |= field == RecordField.Title;
                body |= field == RecordField.Body;
            }
            if (title && body) return d;
        }
        return '\0';
    }
}
