namespace Marsad.Analysis.Reading;

/// <summary>
/// JSON Lines: one article object per line. Lines are parsed independently, so a broken line is one error and
/// the next line reads normally. Recognised when the first line is a complete object and another object line
/// follows, or by a .jsonl/.ndjson name.
/// </summary>
public sealed class JsonLinesFormat : IArticleFormat
{
    public string Name => "JSON Lines";

    public bool Accepts(ReadOnlySpan<char> head, string name)
    {
        var s = head.TrimStart();
        if (s.IsEmpty || s[0] != '{') return false;
        var nl = s.IndexOf('\n');
        var hasExtension = name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ||
                           name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) ||
                           name.EndsWith(".jsonlines", StringComparison.OrdinalIgnoreCase);
        if (nl < 0) return hasExtension;
        if (!s[..nl].TrimEnd().EndsWith('}')) return false;
        var next = s[(nl + 1)..].TrimStart();
        return hasExtension || (!next.IsEmpty && next[0] == '{');
    }

    public IEnumerable<ReadResult> Read(TextSource source, CancellationToken ct)
    {
        using var lines = new Utf8LineReader(source.OpenUtf8(), source.Options.MaxRecordBytes);
        var fields = new RecordFields(source.Options);
        var n = 0;
        var lineNumber = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var status = lines.ReadLine(out var line);
            if (status == ScanStatus.End) yield break;
            lineNumber++;
            if (status == ScanStatus.Record && line.AsSpan().Trim(" \t\r"u8).IsEmpty) continue;
            n++;
            var origin = $"{source.Origin}#{n}";
            yield return status == ScanStatus.TooLarge
                ? ReadResult.Fail(origin, $"line {lineNumber:N0} is longer than the limit of {source.Options.MaxRecordBytes:N0} bytes")
                : JsonRecordParser.Parse(line, origin, fields);
        }
    }
}
