namespace Marsad.Analysis.Reading;

/// <summary>
/// A JSON array of article objects (as in SaudiNewsNet), a single object, or objects simply concatenated.
/// The array is streamed element by element, so its size is bounded only by the disk; each element becomes
/// one record, numbered from 1 in its origin.
/// </summary>
public sealed class JsonDocumentFormat : IArticleFormat
{
    public string Name => "JSON";

    public bool Accepts(ReadOnlySpan<char> head, string name)
    {
        var s = head.TrimStart();
        if (s.IsEmpty) return false;
        var next = s[1..].TrimStart();
        return s[0] switch
        {
            '[' => next.IsEmpty || next[0] is '{' or ']' or '"' or '[',
            '{' => next.IsEmpty || next[0] is '"' or '}',
            _ => false,
        };
    }

    public IEnumerable<ReadResult> Read(TextSource source, CancellationToken ct)
    {
        using var scanner = new JsonValueScanner(source.OpenUtf8(), source.Options.MaxRecordBytes);
        var fields = new RecordFields(source.Options);
        var first = scanner.Peek();
        if (first == '[')
        {
            scanner.Skip();
            foreach (var r in ReadArray(scanner, fields, source, ct)) yield return r;
        }
        else if (first == '{')
        {
            foreach (var r in ReadObjects(scanner, fields, source, ct)) yield return r;
        }
        else
        {
            yield return ReadResult.Fail(source.Origin, "not a JSON array or object");
        }
    }

    private static IEnumerable<ReadResult> ReadArray(JsonValueScanner scanner, RecordFields fields, TextSource source,
        CancellationToken ct)
    {
        var n = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var c = scanner.Peek();
            if (c == -1)
            {
                yield return ReadResult.Fail(source.Origin,
                    $"truncated JSON: the array is not closed (after {n:N0} records)");
                yield break;
            }
            if (c == ']')
            {
                scanner.Skip();
                if (scanner.Peek() != -1)
                    yield return ReadResult.Fail(source.Origin, "invalid JSON: unexpected content after the array");
                yield break;
            }
            if (c == ',')
            {
                scanner.Skip();
                continue;
            }
            n++;
            var origin = $"{source.Origin}#{n}";
            var status = scanner.ReadValue(out var value);
            if (status != ScanStatus.Record)
            {
                yield return ScanFailure(status, origin, source.Options);
                yield break;
            }
            yield return JsonRecordParser.Parse(value, origin, fields);
        }
    }

    private static IEnumerable<ReadResult> ReadObjects(JsonValueScanner scanner, RecordFields fields,
        TextSource source, CancellationToken ct)
    {
        // A file with one object is one article named by the file alone; numbering starts once a second appears.
        ReadResult? pending = null;
        var n = 0;
        while (scanner.Peek() != -1)
        {
            ct.ThrowIfCancellationRequested();
            n++;
            var origin = $"{source.Origin}#{n}";
            var status = scanner.ReadValue(out var value);
            var result = status == ScanStatus.Record
                ? JsonRecordParser.Parse(value, origin, fields)
                : ScanFailure(status, origin, source.Options);
            if (pending is { } p) yield return p;
            pending = result;
            if (status != ScanStatus.Record) break;
            if (scanner.Peek() == ',') scanner.Skip();
        }
        if (pending is { } last) yield return n == 1 ? Relabel(last, source.Origin) : last;
        else yield return ReadResult.Fail(source.Origin, "empty JSON");
    }

    private static ReadResult ScanFailure(ScanStatus status, string origin, ReaderOptions options) => status switch
    {
        ScanStatus.TooLarge => ReadResult.Fail(origin,
            $"record larger than the limit of {options.MaxRecordBytes:N0} bytes"),
        _ => ReadResult.Fail(origin, "truncated JSON: the data ends inside this record"),
    };

    private static ReadResult Relabel(ReadResult r, string origin) => r.Article is { } a
        ? ReadResult.Ok(a with { Origin = origin })
        : ReadResult.Fail(origin, r.Error!.Reason);
}
