using System.Text;
using System.Text.Json;
using Marsad.Analysis.Reading;

namespace Marsad.Tests.Reading;

public sealed class ArticleReaderTests
{
    [Fact]
    public void Reads_folders_recursively_in_sorted_order_and_skips_hidden_files()
    {
        using var folder = new TempFolder();
        folder.Write("b/2.txt", $"{Samples.SecondTitle}\n\n{Samples.SecondBody}");
        folder.Write("b/1.txt", Samples.PlainArticle("13/02/2018"));
        folder.Write("a.txt", Samples.PlainArticle("14/02/2018"));
        folder.Write(".hidden/x.txt", "ليس مقالا");

        var origins = ArticleReader.ReadPath(folder.Root).Select(r => r.Article!.Origin).ToList();

        Assert.Equal(
            [Path.Combine(folder.Root, "a.txt"), Path.Combine(folder.Root, "b", "1.txt"), Path.Combine(folder.Root, "b", "2.txt")],
            origins);
    }

    [Fact]
    public void Unreadable_files_are_errors_with_their_names_and_reading_continues()
    {
        using var folder = new TempFolder();
        var empty = folder.Write("1-empty.txt", "");
        var blank = folder.Write("2-blank.txt", " \n\t\n");
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        var noise = folder.Write("3-noise.txt", garbage);
        var badJson = folder.Write("4-bad.json", "{ \"title\": \"عنوان\", ");
        var good = folder.Write("5-good.txt", Samples.PlainArticle("13/02/2018"));
        var missing = Path.Combine(folder.Root, "absent.txt");

        var results = ArticleReader.ReadPaths([folder.Root, missing]).ToList();

        Assert.Equal(6, results.Count);
        Assert.Equal(new ReadError(empty, "empty file"), results[0].Error);
        Assert.Equal(blank, results[1].Error!.Origin);
        Assert.Contains("empty", results[1].Error!.Reason);
        Assert.Equal(new ReadError(noise, "binary data, not text"), results[2].Error);
        Assert.Equal(badJson, results[3].Error!.Origin);
        Assert.Contains("JSON", results[3].Error!.Reason);
        Assert.Equal(good, results[4].Article!.Origin);
        Assert.Equal(new ReadError(missing, "no such file or folder"), results[5].Error);
    }

    [Fact]
    public void The_same_article_gets_the_same_id_in_every_format()
    {
        var plain = Samples.PlainArticle("13/02/2018");
        var ant = $"<DOC>\n<DOCNO>X-1-20180213</DOCNO>\n<TITLE>{Samples.Title}</TITLE>\n<TIME>13/02/2018</TIME>\n<TEXT>\n{Samples.Body}\n</TEXT>\n</DOC>\n";
        var record = JsonSerializer.Serialize(new { title = Samples.Title, date = "2018-02-13", content = Samples.Body });
        var csv = $"title,date,body\n\"{Samples.Title}\",13/02/2018,\"{Samples.Body}\"\n";

        var ids = new[]
        {
            Samples.Single(Samples.Read(plain, "a.txt")).Id,
            Samples.Single(Samples.Read(TextDecoder.Windows1256.GetBytes(plain), "a-1256.txt")).Id,
            Samples.Single(Samples.Read(ant, "a.ant")).Id,
            Samples.Single(Samples.Read($"[{record}]", "a.json")).Id,
            Samples.Single(Samples.Read(record + "\n", "a.jsonl")).Id,
            Samples.Single(Samples.Read(csv, "a.csv")).Id,
            Samples.Single(Samples.Read(Encoding.Unicode.GetBytes(csv), "a16.csv")).Id,
        };

        Assert.Single(ids.Distinct());
        Assert.Equal(ContentId.Compute(Samples.Title, Samples.Body), ids[0]);
    }

    [Fact]
    public void Large_plain_text_beyond_the_sniffing_window_reads_whole()
    {
        var body = string.Join("\n", Enumerable.Repeat(Samples.Body, 600));
        var text = $"{Samples.Title}\n\n13/02/2018\n\n{body}";
        Assert.True(Encoding.UTF8.GetByteCount(text) > 128 * 1024);

        var article = Samples.Single(Samples.Read(text, "long.txt"));

        Assert.Equal(body, article.Body);
    }

    [Fact]
    public void Cancellation_stops_reading()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            ArticleReader.ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(Samples.PlainArticle("13/02/2018"))), "a.txt",
                ct: cts.Token).ToList());
    }
}
