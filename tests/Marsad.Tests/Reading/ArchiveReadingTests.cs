using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Marsad.Analysis.Reading;

namespace Marsad.Tests.Reading;

public sealed class ArchiveReadingTests
{
    private static readonly byte[] First = Encoding.UTF8.GetBytes(Samples.PlainArticle("13/02/2018"));
    private static readonly byte[] Second = Encoding.UTF8.GetBytes($"{Samples.SecondTitle}\n\n{Samples.SecondBody}");

    private static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(data);
            }
        }
        return ms.ToArray();
    }

    private static byte[] Tar(params (string Name, byte[] Data)[] entries)
    {
        var ms = new MemoryStream();
        using (var tar = new TarWriter(ms, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
        }
        return ms.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    [Fact]
    public void Reads_zip_entries_with_entry_origins()
    {
        var results = Samples.Read(Zip(("a/first.txt", First), ("b/second.txt", Second)), "batch.zip");

        Assert.Equal(["batch.zip!a/first.txt", "batch.zip!b/second.txt"], results.Select(r => r.Article!.Origin));
        Assert.Equal(Samples.Title, results[0].Article!.Title);
    }

    [Fact]
    public void Reads_tar_and_tar_gz_alike()
    {
        var tar = Tar(("x/first.txt", First), ("x/second.txt", Second));

        var fromTar = Samples.Read(tar, "batch.tar");
        var fromTgz = Samples.Read(Gzip(tar), "batch.tgz");

        Assert.Equal(["batch.tar!x/first.txt", "batch.tar!x/second.txt"], fromTar.Select(r => r.Article!.Origin));
        Assert.Equal(["batch.tgz!x/first.txt", "batch.tgz!x/second.txt"], fromTgz.Select(r => r.Article!.Origin));
        Assert.Equal(fromTar.Select(r => r.Article!.Id), fromTgz.Select(r => r.Article!.Id));
    }

    [Fact]
    public void Recognises_archives_by_content_not_name()
    {
        var results = Samples.Read(Zip(("inner.txt", First)), "misnamed.txt");

        Assert.Equal("misnamed.txt!inner.txt", Samples.Single(results).Origin);
    }

    [Fact]
    public void Reads_a_gzipped_json_file_and_an_archive_inside_an_archive()
    {
        var json = Encoding.UTF8.GetBytes($"[{{\"title\": \"{Samples.SecondTitle}\", \"content\": \"{Samples.SecondBody}\"}}]");
        var outer = Tar(("day.json.gz", Gzip(json)), ("nested.zip", Zip(("deep.txt", First))));

        var results = Samples.Read(outer, "outer.tar");

        Assert.Equal(["outer.tar!day.json.gz#1", "outer.tar!nested.zip!deep.txt"], results.Select(r => r.Article!.Origin));
    }

    [Fact]
    public void Bad_entries_are_errors_and_the_archive_goes_on()
    {
        var garbage = new byte[300];
        new Random(7).NextBytes(garbage);
        var results = Samples.Read(Zip(("empty.txt", []), ("noise.bin", garbage), ("good.txt", First)), "mixed.zip");

        Assert.Equal(3, results.Count);
        Assert.Equal("mixed.zip!empty.txt", results[0].Error!.Origin);
        Assert.Equal("empty file", results[0].Error!.Reason);
        Assert.Equal("mixed.zip!noise.bin", results[1].Error!.Origin);
        Assert.Equal("binary data, not text", results[1].Error!.Reason);
        Assert.NotNull(results[2].Article);
    }

    [Fact]
    public void An_entry_that_decompresses_past_the_cap_is_reported_as_a_bomb()
    {
        // Repetitive text compresses to almost nothing, and is text, so only the size cap can stop it.
        var bomb = Encoding.UTF8.GetBytes(Samples.Title + "\n\n" + string.Concat(Enumerable.Repeat(Samples.Body, 12_000)));
        Assert.True(bomb.Length > 2 * 1024 * 1024);
        // The article limit would refuse the text too; lifted here so that the entry cap is what stops it.
        var options = new ReaderOptions { MaxEntryBytes = 1024 * 1024, MaxArticleChars = 100_000_000 };

        var zipResults = ArticleReader.ReadStream(new MemoryStream(Zip(("bomb.txt", bomb), ("good.txt", First))), "z.zip", options).ToList();
        var gzResults = ArticleReader.ReadStream(new MemoryStream(Gzip(bomb)), "b.txt.gz", options).ToList();

        Assert.Equal("z.zip!bomb.txt", zipResults[0].Error!.Origin);
        Assert.Contains("archive bomb", zipResults[0].Error!.Reason);
        Assert.NotNull(zipResults[1].Article);
        Assert.Contains("archive bomb", Assert.Single(gzResults).Error!.Reason);
    }

    [Fact]
    public void Too_many_entries_are_refused()
    {
        var entries = Enumerable.Range(0, 5).Select(i => ($"{i}.txt", First)).ToArray();
        var options = new ReaderOptions { MaxEntries = 3 };

        var zip = ArticleReader.ReadStream(new MemoryStream(Zip(entries)), "many.zip", options).ToList();
        var tar = ArticleReader.ReadStream(new MemoryStream(Tar(entries)), "many.tar", options).ToList();

        Assert.Contains("more than the limit of 3", Assert.Single(zip).Error!.Reason);
        Assert.Equal(3, tar.Count(r => r.Article is not null));
        Assert.Contains("more than the limit of 3", tar[^1].Error!.Reason);
    }

    [Fact]
    public void Truncated_archives_are_errors_naming_the_archive()
    {
        var zip = Zip(("a.txt", First), ("b.txt", Second));
        var tgz = Gzip(Tar(("a.txt", First), ("b.txt", Second)));

        var zipResults = Samples.Read(zip[..(zip.Length / 2)], "cut.zip");
        var tgzResults = Samples.Read(tgz[..(tgz.Length - 40)], "cut.tar.gz");

        Assert.StartsWith("cut.zip", Assert.Single(zipResults).Error!.Origin);
        Assert.Contains(tgzResults, r => r.Error is not null && r.Error.Origin.StartsWith("cut.tar.gz", StringComparison.Ordinal));
    }

    [Fact]
    public void Entry_names_are_only_labels()
    {
        var results = Samples.Read(Tar(("../../escape.txt", First)), "evil.tar");

        Assert.Equal("evil.tar!../../escape.txt", Samples.Single(results).Origin);
    }
}
