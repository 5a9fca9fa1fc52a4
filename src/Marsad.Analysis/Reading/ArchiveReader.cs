using System.Formats.Tar;
using System.IO.Compression;

namespace Marsad.Analysis.Reading;

/// <summary>
/// Streams the entries of zip, tar and gzip archives into the article reader. Entries are read in archive
/// order; their names only label results (origin <c>archive!entry</c>) and are never used as paths.
/// Decompressed sizes are capped per entry on the bytes actually produced, and the entry count is capped,
/// so bombs are reported instead of exhausting memory.
/// </summary>
internal static class ArchiveReader
{
    private const int TarBlock = 512;

    public static IEnumerable<ReadResult> Read(ArchiveKind kind, Stream stream, string origin, string name,
        ReaderOptions options, int depth, CancellationToken ct) => kind switch
    {
        ArchiveKind.Zip => ReadZip(stream, origin, options, depth, ct),
        ArchiveKind.Tar => ReadTar(stream, origin, options, depth, ct),
        ArchiveKind.Gzip => ReadGzip(stream, origin, name, options, depth, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static IEnumerable<ReadResult> ReadZip(Stream stream, string origin, ReaderOptions options, int depth,
        CancellationToken ct)
    {
        var archive = TryOpenZip(stream, options, out var error);
        if (archive is null)
        {
            yield return ReadResult.Fail(origin, error!);
            yield break;
        }
        using (archive)
        {
            var entries = archive.Entries;
            if (entries.Count > options.MaxEntries)
            {
                yield return ReadResult.Fail(origin,
                    $"zip archive has {entries.Count:N0} entries, more than the limit of {options.MaxEntries:N0}");
                yield break;
            }
            foreach (var entry in entries)
            {
                ct.ThrowIfCancellationRequested();
                if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\')) continue;
                var entryOrigin = ArticleReader.EntryOrigin(origin, entry.FullName);
                if (entry.Length > options.MaxEntryBytes)
                {
                    yield return ReadResult.Fail(entryOrigin, TooLarge(entry.Length, options));
                    continue;
                }
                foreach (var r in ArticleReader.Guarded(ReadZipEntry(entry, entryOrigin, options, depth, ct), entryOrigin))
                    yield return r;
            }
        }
    }

    private static IEnumerable<ReadResult> ReadZipEntry(ZipArchiveEntry entry, string entryOrigin,
        ReaderOptions options, int depth, CancellationToken ct)
    {
        using var data = entry.Open();
        using var bounded = new BoundedReadStream(data, options.MaxEntryBytes);
        foreach (var r in ArticleReader.ReadContent(bounded, entryOrigin, entry.Name, options, depth, ct))
            yield return r;
    }

    private static ZipArchive? TryOpenZip(Stream stream, ReaderOptions options, out string? error)
    {
        error = null;
        try
        {
            // ZipArchive needs to seek to the central directory; a non-seekable source is buffered, within the cap.
            var seekable = stream;
            if (!stream.CanSeek)
            {
                var copy = new MemoryStream();
                new BoundedReadStream(stream, options.MaxEntryBytes).CopyTo(copy);
                copy.Position = 0;
                seekable = copy;
            }
            return new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: seekable == stream);
        }
        catch (InvalidDataException e)
        {
            error = $"corrupt or truncated zip archive: {e.Message}";
        }
        catch (EntryTooLargeException e)
        {
            error = $"nested zip archive: {e.Message}";
        }
        return null;
    }

    private static IEnumerable<ReadResult> ReadTar(Stream stream, string origin, ReaderOptions options, int depth,
        CancellationToken ct)
    {
        using var reader = new TarReader(stream, leaveOpen: true);
        var count = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var entry = reader.GetNextEntry();
            if (entry is null) yield break;
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile
                or TarEntryType.ContiguousFile))
                continue;
            if (++count > options.MaxEntries)
            {
                yield return ReadResult.Fail(origin,
                    $"tar archive has more than the limit of {options.MaxEntries:N0} entries; the rest is not read");
                yield break;
            }
            var entryOrigin = ArticleReader.EntryOrigin(origin, entry.Name);
            if (entry.Length > options.MaxEntryBytes)
            {
                yield return ReadResult.Fail(entryOrigin, TooLarge(entry.Length, options));
                continue;
            }
            var data = new BoundedReadStream(entry.DataStream ?? Stream.Null, options.MaxEntryBytes);
            var content = ArticleReader.ReadContent(data, entryOrigin, Path.GetFileName(entry.Name), options, depth, ct);
            foreach (var r in ArticleReader.Guarded(content, entryOrigin)) yield return r;
        }
    }

    private static IEnumerable<ReadResult> ReadGzip(Stream stream, string origin, string name, ReaderOptions options,
        int depth, CancellationToken ct)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        var block = new byte[TarBlock];
        var got = gzip.ReadAtLeast(block, TarBlock, throwOnEndOfStream: false);
        var replay = new PrefixedStream(block, 0, got, gzip);

        // A tarball's entries are capped one by one; a single compressed file is capped as a whole.
        if (ArchiveSniffer.IsTarHeader(block.AsSpan(0, got)))
        {
            foreach (var r in ReadTar(replay, origin, options, depth, ct)) yield return r;
            yield break;
        }
        var inner = new BoundedReadStream(replay, options.MaxEntryBytes);
        foreach (var r in ArticleReader.ReadContent(inner, origin, InnerName(name), options, depth, ct))
            yield return r;
    }

    private static string InnerName(string name) =>
        name.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) ? name[..^4] + ".tar"
        : name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3]
        : name;

    private static string TooLarge(long declared, ReaderOptions options) =>
        $"entry declares {declared:N0} bytes decompressed, over the limit of {options.MaxEntryBytes:N0} (possible archive bomb)";
}
