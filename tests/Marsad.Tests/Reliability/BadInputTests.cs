using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Tests.Reading;
using Xunit.Abstractions;

namespace Marsad.Tests.Reliability;

/// <summary>
/// A folder of hostile and broken inputs, generated here (nothing binary is checked in), next to good articles in
/// every encoding and format: each bad file, entry or record gets one error naming it and the reason, each good one
/// reads correctly, nothing is written outside the data folder, and <c>marsad analyze</c> and <c>marsad ingest</c>
/// over the whole folder keep every good article. Runs alone: the bombs and the big article allocate hundreds of MB.
/// </summary>
[Collection(MemoryHeavyCollection.Name)]
public sealed class BadInputTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly TempFolder _scratch = new();

    /// <summary>What a file must yield: this many articles, and errors whose reasons contain these phrases, in order.</summary>
    private sealed record Expectation(string File, int Articles, params string[] Errors);

    private static string Good(string tag, string dateLine = "13/02/2018") =>
        $"{Samples.Title} — {tag}\n\n{dateLine}\n\n{Samples.Body}\nملف الاختبار: {tag}.\n";

    private static string Record(string tag, string date = "2018-02-13") =>
        JsonSerializer.Serialize(new { title = $"{Samples.SecondTitle} — {tag}", date, body = $"{Samples.SecondBody} ملف {tag}." });

    private (string Root, List<Expectation> Expected) WriteHostileFolder()
    {
        var root = Path.Combine(_scratch.Root, "inbox");
        var expected = new List<Expectation>();
        var random = new Random(8);
        void Add(string name, byte[] bytes, int articles, params string[] errors)
        {
            var path = Path.Combine(root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            expected.Add(new Expectation(name, articles, errors));
        }
        byte[] U(string s) => Utf8.GetBytes(s);

        // Nothing, or nothing readable.
        Add("empty.txt", [], 0, "empty file");
        Add("blank.txt", U(" \n\t\r\n   \n"), 0, "whitespace only");
        var noise = new byte[64 * 1024];
        random.NextBytes(noise);
        Add("noise.bin", noise, 0, "binary data");
        Add("noise-small.txt", noise[..300], 0, "binary data");
        Add("nuls.txt", [.. U("عنوان\n\n"), 0, 0, 0, 0, .. U("نص")], 0, "binary data");
        Add("page.html", U("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), 0, "unrecognised format");

        // Encodings: every one of them reads, including text cut inside a character and two encodings in one file.
        var cut = U(Good("مقطوع"));
        Add("cut-utf8.txt", cut[..^2], 1); // ends inside the two-byte full stop of the last line's last letter
        Add("mixed-encodings.txt", [.. U(Good("مختلط")), .. TextDecoder.Windows1256.GetBytes("\nفقرة أضيفت من ملف قديم بترميز ويندوز.\n")], 1);
        Add("cp1256.txt", TextDecoder.Windows1256.GetBytes(Good("ويندوز")), 1);
        Add("utf16le.txt", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Good("يونيكود صغير"))], 1);
        Add("utf16be.txt", [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(Good("يونيكود كبير"))], 1);
        Add("utf16le-nobom.txt", Encoding.Unicode.GetBytes(Good("يونيكود بلا علامة")), 1);
        Add("utf8-bom.jsonl", [.. Encoding.UTF8.Preamble, .. U(Record("علامة") + "\n" + Record("علامة ثانية") + "\n")], 2);

        // Size: a 50 MB "article" is refused by the article limit without being read whole.
        var big = new StringBuilder(Samples.Title + "\n\n");
        while (big.Length < 26_000_000) big.Append(Samples.Body).Append('\n');
        Add("big-article.txt", U(big.ToString()), 0, "over the limit");

        // JSON: deep nesting, broken records among good ones, the wrong shapes.
        Add("deep-open.json", U(new string('[', 200_000)), 0, "truncated JSON");
        Add("deep-closed.json", U("[" + new string('[', 100_000) + new string(']', 100_000) + "]"), 0, "not a JSON object");
        var deepField = "{\"title\":\"عنوان\",\"body\":\"نص\",\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";
        Add("deep-field.jsonl", U(Record("قبل") + "\n" + deepField + "\n" + Record("بعد") + "\n"), 2, "invalid JSON");
        Add("broken.jsonl", U(Record("أول") + "\n{\"title\": \"x\", \"body\": }\n[1,2]\n\"نص\"\n" + Record("أخير") + "\n"), 2,
            "invalid JSON", "not a JSON object", "not a JSON object");
        Add("truncated.json", U("[" + Record("كامل") + "," + Record("مبتور")[..40]), 1, "truncated JSON");

        // CSV: quotes, doubled quotes, delimiters and line breaks inside fields; a short row; an unclosed quote.
        Add("quoted.csv", U("title,date,body\n" +
                             $"\"{Samples.Title}, \"\"بين علامتين\"\"\",2018-02-13,\"{Samples.Body.Replace("\n", "\r\n")}\nسطر, بفاصلة\"\n" +
                             "عنوان قصير,13/02/2018,نص قصير بلا علامات\n" +
                             "صف ناقص\n" +
                             $"\"{Samples.SecondTitle}\",2018-02-14,\"{Samples.SecondBody} لم يغلق"), 2,
            "has 1 fields", "never closed");

        // Dates that do not exist are left out, never guessed; the article still reads.
        Add("bad-date.txt", U(Good("تاريخ خاطئ", "31/02/2018")), 1);
        Add("bad-dates.jsonl", U(Record("شهر 13", "2018-13-45") + "\n" + Record("يوم 31 فبراير", "31/02/2018") + "\n"), 2);

        // Other scripts and markup inside articles are text like any other.
        Add("scripts.txt", U("标题 Заголовок כותרת शीर्षक 🚀\n\n中文正文。Русский текст. עברית. हिन्दी। 👩‍👩‍👧 e\u0301\u0301\u0301 \u202Eمعكوس\u202C\u200Bصفر\n"), 1);
        Add("tags.txt", U($"عنوان <b>مع</b> وسوم\n\n{Samples.Body} <script>alert('x')</script> <img src=x onerror=alert(1)>\n"), 1);

        // Archives: traversal names are only labels, links are skipped, bombs are refused, corrupt ones are errors.
        var good = U(Good("داخل أرشيف"));
        Add("traversal.zip", Zip(("../../escaped.txt", good), ("/tmp/absolute.txt", U(Good("مسار مطلق"))), ("..\\..\\win.txt", U(Good("مسار ويندوز")))), 3);
        Add("traversal.tar", Tar(("../../escaped.txt", U(Good("تار"))), ("link", null), ("/abs/x.txt", U(Good("تار مطلق")))), 2);
        Add("bomb.zip", Zip(("bomb.txt", null), ("after.txt", U(Good("بعد القنبلة")))), 1, "archive bomb");
        Add("bomb.txt.gz", Gzip(RepeatedText(300 * 1024 * 1024)), 0, "over the limit");
        Add("bomb-ant.gz", Gzip(RepeatedText(300 * 1024 * 1024, "<DOC>\n<TITLE>قنبلة</TITLE>\n<TEXT>\n")), 0, "archive bomb");
        Add("corrupt.zip", [.. "PK\u0003\u0004"u8, .. noise[..2000]], 0, "zip");
        Add("nested.zip", Zip(("1.zip", Zip(("2.zip", Zip(("3.zip", Zip(("deep.txt", good)))))))), 0, "nested deeper");

        return (root, expected);
    }

    [Fact]
    public void Every_bad_input_is_one_clear_error_and_every_good_one_reads()
    {
        var (root, expected) = WriteHostileFolder();
        var results = ArticleReader.ReadPath(root).ToList();

        foreach (var e in expected)
        {
            var path = Path.Combine(root, e.File);
            var mine = results.Where(r => Of(r) == path || Of(r).StartsWith(path + "!", StringComparison.Ordinal) || Of(r).StartsWith(path + "#", StringComparison.Ordinal)).ToList();
            var errors = mine.Where(r => r.Error is not null).Select(r => r.Error!).ToList();
            Assert.True(e.Articles == mine.Count(r => r.Article is not null),
                $"{e.File}: expected {e.Articles} articles, got {mine.Count(r => r.Article is not null)}; errors: {string.Join("; ", errors)}");
            Assert.True(e.Errors.Length == errors.Count, $"{e.File}: expected {e.Errors.Length} errors, got: {string.Join("; ", errors)}");
            for (var i = 0; i < errors.Count; i++)
                Assert.True(errors[i].Reason.Contains(e.Errors[i], StringComparison.Ordinal), $"{e.File}: error {i + 1} is '{errors[i]}', expected it to say '{e.Errors[i]}'");
        }
        Assert.Equal(expected.Sum(e => e.Articles + e.Errors.Length), results.Count);
        output.WriteLine($"{expected.Count} files: {results.Count(r => r.Article is not null)} articles, {results.Count(r => r.Error is not null)} errors");
        foreach (var error in results.Where(r => r.Error is not null)) output.WriteLine(error.Error!.ToString()[(root.Length + 1)..]);

        Article Read(string file) => results.Single(r => Of(r) == Path.Combine(root, file)).Article!;

        Assert.Equal($"{Samples.Title} — مقطوع", Read("cut-utf8.txt").Title);
        Assert.StartsWith(Samples.Body, Read("cut-utf8.txt").Body, StringComparison.Ordinal);
        var mixed = Read("mixed-encodings.txt");
        Assert.Equal($"{Samples.Title} — مختلط", mixed.Title);
        Assert.StartsWith(Samples.Body, mixed.Body, StringComparison.Ordinal);
        Assert.EndsWith("فقرة أضيفت من ملف قديم بترميز ويندوز.", mixed.Body, StringComparison.Ordinal);
        foreach (var (file, tag) in new[] { ("cp1256.txt", "ويندوز"), ("utf16le.txt", "يونيكود صغير"), ("utf16be.txt", "يونيكود كبير"), ("utf16le-nobom.txt", "يونيكود بلا علامة") })
        {
            Assert.Equal($"{Samples.Title} — {tag}", Read(file).Title);
            Assert.Equal(new DateOnly(2018, 2, 13), Read(file).Date);
        }
        var badDate = Read("bad-date.txt");
        Assert.Null(badDate.Date);
        Assert.StartsWith("31/02/2018", badDate.Body, StringComparison.Ordinal);
        Assert.All(results.Where(r => Of(r).StartsWith(Path.Combine(root, "bad-dates.jsonl"), StringComparison.Ordinal)), r => Assert.Null(r.Article!.Date));
        Assert.Contains("<script>alert('x')</script>", Read("tags.txt").Body, StringComparison.Ordinal);
        Assert.Equal("عنوان <b>مع</b> وسوم", Read("tags.txt").Title);
        Assert.StartsWith("标题 Заголовок", Read("scripts.txt").Title, StringComparison.Ordinal);
        var quoted = results.First(r => Of(r) == Path.Combine(root, "quoted.csv") + "#1").Article!;
        Assert.Equal($"{Samples.Title}, \"بين علامتين\"", quoted.Title);
        Assert.EndsWith("سطر, بفاصلة", quoted.Body, StringComparison.Ordinal);
        Assert.Contains(results, r => Of(r) == Path.Combine(root, "traversal.zip") + "!../../escaped.txt" && r.Article is not null);
        Assert.Contains(results, r => Of(r) == Path.Combine(root, "traversal.tar") + "!../../escaped.txt" && r.Article is not null);
        Assert.False(File.Exists(Path.Combine(_scratch.Root, "escaped.txt")) || File.Exists(Path.Combine(Path.GetDirectoryName(_scratch.Root)!, "escaped.txt")));

        // The analysis survives every article that reads.
        var pipeline = DefaultPipeline.Create();
        foreach (var article in results.Where(r => r.Article is not null).Select(r => r.Article!))
        {
            var document = pipeline.Run(article);
            using var json = JsonDocument.Parse(DocumentJsonWriter.ToJson(document));
            Assert.Equal(article.Id, json.RootElement.GetProperty("id").GetString());
        }
    }

    [Fact]
    public void Analyze_and_ingest_over_a_folder_of_mixed_files_keep_every_good_article()
    {
        var (root, expected) = WriteHostileFolder();
        var articles = expected.Sum(e => e.Articles);
        var errors = expected.Sum(e => e.Errors.Length);

        var analyze = CliProcess.Run(Patience, "analyze", root);
        Assert.Equal(1, analyze.Exit); // errors were reported
        var lines = analyze.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(articles, lines.Length);
        foreach (var line in lines) JsonDocument.Parse(line).Dispose();
        var reported = analyze.Stderr.Split('\n').Where(l => l.StartsWith("marsad: " + root, StringComparison.Ordinal)).ToList();
        Assert.Equal(errors, reported.Count);
        foreach (var e in expected.Where(e => e.Errors.Length > 0))
            Assert.Contains(reported, l => l.Contains(Path.Combine(root, e.File), StringComparison.Ordinal));
        Assert.Contains($"{articles} article(s) analysed, {errors} error(s)", analyze.Stderr, StringComparison.Ordinal);

        var data = Path.Combine(_scratch.Root, "data");
        var ingest = CliProcess.Run(Patience, "ingest", root, "--data", data, "--json");
        Assert.True(ingest.Exit == 0, ingest.Stderr);
        using var report = JsonDocument.Parse(ingest.Stdout);
        Assert.Equal(articles, report.RootElement.GetProperty("read").GetInt64());
        Assert.Equal(errors, report.RootElement.GetProperty("errors").GetInt64());
        Assert.Equal(articles, report.RootElement.GetProperty("added").GetInt64());
        var check = CliProcess.Run(Patience, "check", "--data", data, "--json");
        Assert.True(check.Exit == 0, check.Stdout + check.Stderr);
    }

    [Fact]
    public void A_zip_entry_that_lies_about_its_size_is_still_capped()
    {
        // The headers claim 4 KB; the deflated data holds 300 MB.
        var zip = Zip(("liar.txt", null), ("good.txt", Utf8.GetBytes(Good("صادق"))));
        PatchUncompressedSize(zip, "liar.txt", 4096);

        var results = ArticleReader.ReadStream(new MemoryStream(zip), "liar.zip").ToList();

        var liar = results.Where(r => Of(r).StartsWith("liar.zip!liar.txt", StringComparison.Ordinal)).ToList();
        var single = Assert.Single(liar);
        output.WriteLine(single.Error?.ToString() ?? $"read {single.Article!.Body.Length:N0} characters");
        // Either refused as damaged or read no further than the declared size: never 300 MB.
        Assert.True(single.Error is not null || single.Article!.Body.Length <= 4096, single.Error?.ToString());
        Assert.NotNull(results.Single(r => Of(r) == "liar.zip!good.txt").Article);
    }

    public void Dispose() => _scratch.Dispose();

    private static string Of(ReadResult r) => r.Article?.Origin ?? r.Error!.Origin;

    /// <summary>Highly compressible text of the given size, streamed into the compressor (never held whole).</summary>
    private static Stream RepeatedText(long bytes, string prefix = "") => new RepeatingStream(Utf8.GetBytes(prefix + Samples.Title + "\n\n"), Utf8.GetBytes(Samples.Body + "\n"), bytes);

    private static byte[] Zip(params (string Name, byte[]? Data)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                if (data is null) RepeatedText(300 * 1024 * 1024).CopyTo(s, 1 << 20);
                else s.Write(data);
            }
        }
        return ms.ToArray();
    }

    private static byte[] Tar(params (string Name, byte[]? Data)[] entries)
    {
        var ms = new MemoryStream();
        using (var tar = new TarWriter(ms, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                if (data is null) tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = "/etc/passwd" });
                else tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
            }
        }
        return ms.ToArray();
    }

    private static byte[] Gzip(Stream data)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) data.CopyTo(gz, 1 << 20);
        return ms.ToArray();
    }

    /// <summary>Rewrites an entry's uncompressed size in its local header and its central directory record.</summary>
    private static void PatchUncompressedSize(byte[] zip, string name, uint size)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var patched = 0;
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (zip[i] != 'P' || zip[i + 1] != 'K') continue;
            if (zip[i + 2] == 3 && zip[i + 3] == 4 && zip.AsSpan(i + 30, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), size);
                patched++;
            }
            else if (zip[i + 2] == 1 && zip[i + 3] == 2 && zip.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size);
                patched++;
            }
        }
        Assert.Equal(2, patched);
    }

    private sealed class RepeatingStream(byte[] head, byte[] unit, long length) : Stream
    {
        private long _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            var done = 0;
            while (done < n)
            {
                var (source, at) = _position < head.Length ? (head, (int)_position) : (unit, (int)((_position - head.Length) % unit.Length));
                var chunk = Math.Min(n - done, source.Length - at);
                Array.Copy(source, at, buffer, offset + done, chunk);
                done += chunk;
                _position += chunk;
            }
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Tests that allocate hundreds of megabytes or measure memory run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryHeavyCollection
{
    public const string Name = "memory-heavy";
}
