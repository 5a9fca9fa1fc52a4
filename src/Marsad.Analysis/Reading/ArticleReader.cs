using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Marsad.Analysis.Reading;

/// <summary>
/// Reads articles from files, folders (recursively, in ordinal name order) and archives (zip, tar, gzip,
/// tar.gz), choosing each file's encoding and format from its content. Every file, archive entry or record
/// yields either an article or an error naming it; one unreadable input never stops the rest.
/// Archives are streamed, never unpacked to disk, and their entry names are only labels.
/// </summary>
public static class ArticleReader
{
    // Enough to hold a typical article whole, so most files are read with a single buffer and no stream.
    private const int HeadBytes = 64 * 1024;
    private const int SniffChars = 8 * 1024;

    public static IReadOnlyList<IArticleFormat> Formats { get; } =
    [
        new AntDocFormat(),
        new JsonLinesFormat(),
        new JsonDocumentFormat(),
        new CsvFormat(),
        new PlainTextFormat(),
    ];

    public static IEnumerable<ReadResult> ReadPaths(IEnumerable<string> paths, ReaderOptions? options = null,
        CancellationToken ct = default)
    {
        options ??= ReaderOptions.Default;
        foreach (var path in paths)
        {
            ct.ThrowIfCancellationRequested();
            if (Directory.Exists(path))
            {
                foreach (var file in EnumerateFolder(path, options))
                foreach (var r in ReadFile(file, options, ct))
                    yield return r;
            }
            else if (File.Exists(path))
            {
                foreach (var r in ReadFile(path, options, ct)) yield return r;
            }
            else
            {
                yield return ReadResult.Fail(path, "no such file or folder");
            }
        }
    }

    public static IEnumerable<ReadResult> ReadPath(string path, ReaderOptions? options = null,
        CancellationToken ct = default) => ReadPaths([path], options, ct);

    /// <summary>
    /// Reads one stream as if it were a file called <paramref name="origin"/>; the stream is not disposed.
    /// A seekable stream lets zip archives be read without buffering.
    /// </summary>
    public static IEnumerable<ReadResult> ReadStream(Stream stream, string origin, ReaderOptions? options = null,
        CancellationToken ct = default) =>
        Guarded(ReadContent(stream, origin, Path.GetFileName(origin), options ?? ReaderOptions.Default, 0, ct),
            origin);

    private static IEnumerable<ReadResult> ReadFile(string path, ReaderOptions options, CancellationToken ct)
    {
        FileStream? stream = null;
        string? error = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot open: {e.Message}";
        }
        if (stream is null)
        {
            yield return ReadResult.Fail(path, error!);
            yield break;
        }
        using (stream)
        {
            foreach (var r in Guarded(ReadContent(stream, path, Path.GetFileName(path), options, 0, ct), path))
                yield return r;
        }
    }

    private static IEnumerable<string> EnumerateFolder(string folder, ReaderOptions options)
    {
        var files = new List<string>();
        var dirs = new List<string>();
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (options.SkipHiddenFiles && entry.Name.StartsWith('.')) continue;
            (entry is DirectoryInfo ? dirs : files).Add(Path.Combine(folder, entry.Name));
        }
        files.Sort(StringComparer.Ordinal);
        dirs.Sort(StringComparer.Ordinal);
        foreach (var f in files) yield return f;
        foreach (var d in dirs)
        foreach (var f in EnumerateFolder(d, options))
            yield return f;
    }

    /// <summary>Sniffs one file or entry and hands it to an archive reader or an article format.</summary>
    internal static IEnumerable<ReadResult> ReadContent(Stream stream, string origin, string name,
        ReaderOptions options, int depth, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var head = ArrayPool<byte>.Shared.Rent(HeadBytes);
        try
        {
            var count = stream.ReadAtLeast(head.AsSpan(0, HeadBytes), HeadBytes, throwOnEndOfStream: false);
            var complete = count < HeadBytes;
            if (count == 0)
            {
                yield return ReadResult.Fail(origin, "empty file");
                yield break;
            }

            var kind = ArchiveSniffer.Detect(head.AsSpan(0, count), name);
            if (kind != ArchiveKind.None)
            {
                if (depth >= options.MaxArchiveDepth)
                {
                    yield return ReadResult.Fail(origin,
                        $"archive nested deeper than the limit of {options.MaxArchiveDepth}");
                    yield break;
                }
                var whole = Rewind(stream, head, count, complete);
                foreach (var r in ArchiveReader.Read(kind, whole, origin, name, options, depth + 1, ct))
                    yield return r;
                yield break;
            }

            var encoding = TextDecoder.Detect(head.AsSpan(0, count), complete, out var preamble);
            if (encoding is null)
            {
                yield return ReadResult.Fail(origin, "binary data, not text");
                yield break;
            }

            var sniff = ArrayPool<char>.Shared.Rent(SniffChars + 4);
            IArticleFormat? format;
            try
            {
                var sniffBytes = Math.Min(count - preamble, SniffChars);
                var chars = encoding.GetChars(head, preamble, sniffBytes, sniff, 0);
                var text = sniff.AsSpan(0, chars);
                if (!TextDecoder.LooksLikeText(CutLastChar(text, complete && sniffBytes == count - preamble)))
                {
                    yield return ReadResult.Fail(origin, "binary data, not text");
                    yield break;
                }
                if (complete && text.IsWhiteSpace() && sniffBytes == count - preamble)
                {
                    yield return ReadResult.Fail(origin, "empty file (whitespace only)");
                    yield break;
                }
                format = null;
                foreach (var f in Formats)
                {
                    if (!f.Accepts(text, name)) continue;
                    format = f;
                    break;
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(sniff);
            }

            if (format is null)
            {
                yield return ReadResult.Fail(origin, "unrecognised format (markup or structured data this reader does not know)");
                yield break;
            }

            var source = new TextSource(origin, name, encoding, head, preamble, count - preamble,
                complete ? null : stream, options);
            foreach (var r in format.Read(source, ct)) yield return r;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
    }

    // A multi-byte character cut by the sniff window decodes as U+FFFD; it says nothing about the data.
    private static ReadOnlySpan<char> CutLastChar(ReadOnlySpan<char> text, bool whole) =>
        whole || text.Length < 2 ? text : text[..^1];

    private static Stream Rewind(Stream stream, byte[] head, int count, bool complete)
    {
        if (stream.CanSeek)
        {
            stream.Seek(-count, SeekOrigin.Current);
            return stream;
        }
        return new PrefixedStream(head, 0, count, complete ? null : stream);
    }

    /// <summary>
    /// Runs a read and turns an exception into a final error for <paramref name="origin"/>: whatever was read
    /// before the damage is kept, and the caller moves on to the next file or entry.
    /// </summary>
    internal static IEnumerable<ReadResult> Guarded(IEnumerable<ReadResult> results, string origin)
    {
        using var e = results.GetEnumerator();
        while (true)
        {
            ReadResult current;
            string? failure = null;
            try
            {
                if (!e.MoveNext()) yield break;
                current = e.Current;
            }
            catch (Exception ex) when (Describe(ex) is { } reason)
            {
                failure = reason;
                current = default;
            }
            if (failure is not null)
            {
                yield return ReadResult.Fail(origin, failure);
                yield break;
            }
            yield return current;
        }
    }

    private static string? Describe(Exception e) => e switch
    {
        EntryTooLargeException => e.Message,
        EndOfStreamException => "truncated: the data ends unexpectedly",
        InvalidDataException => $"corrupt or truncated data: {e.Message}",
        DecoderFallbackException => $"undecodable text: {e.Message}",
        JsonException => $"invalid JSON: {e.Message}",
        IOException => $"read error: {e.Message}",
        UnauthorizedAccessException => $"access denied: {e.Message}",
        FormatException => $"malformed data: {e.Message}",
        _ => null,
    };

    internal static string EntryOrigin(string archiveOrigin, string entryName) => $"{archiveOrigin}!{entryName}";
}
