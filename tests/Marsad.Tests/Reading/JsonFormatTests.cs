using System.Text;
using System.Text.Json;
using Marsad.Analysis.Reading;

namespace Marsad.Tests.Reading;

public sealed class JsonFormatTests
{
    private static string Record(string title, string body, string date = "2015-07-27 18:39:22") =>
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["source"] = "example-daily",
            ["url"] = "http://example.com/a/" + title.Length,
            ["date_extracted"] = date,
            ["title"] = title,
            ["author"] = "محرر الأخبار",
            ["content"] = body,
        });

    [Fact]
    public void Reads_an_array_of_news_records()
    {
        var json = $"[\n  {Record(Samples.Title, Samples.Body)},\n  {Record(Samples.SecondTitle, "يقول \"المدرب\": فزنا\nبجدارة")}\n]";

        var results = Samples.Read(json, "day.json");

        Assert.Equal(2, results.Count);
        var first = results[0].Article!;
        Assert.Equal("day.json#1", first.Origin);
        Assert.Equal(Samples.Title, first.Title);
        Assert.Equal(Samples.Body, first.Body);
        Assert.Equal(new DateOnly(2015, 7, 27), first.Date);
        Assert.Equal("example-daily", first.Source);
        Assert.Equal("محرر الأخبار", first.Author);
        Assert.Equal("يقول \"المدرب\": فزنا\nبجدارة", results[1].Article!.Body);
        Assert.Equal("day.json#2", results[1].Article!.Origin);
    }

    [Fact]
    public void A_malformed_record_is_one_error_and_reading_goes_on()
    {
        var json = $"[{Record(Samples.Title, Samples.Body)}, {{\"title\": \"عنوان\" \"content\": 5}}, 42, " +
                   $"{{\"title\": \"\", \"content\": \"\"}}, {Record(Samples.SecondTitle, Samples.SecondBody)}]";

        var results = Samples.Read(json, "mixed.json");

        Assert.Equal(5, results.Count);
        Assert.NotNull(results[0].Article);
        Assert.Equal("mixed.json#2", results[1].Error!.Origin);
        Assert.StartsWith("invalid JSON", results[1].Error!.Reason);
        Assert.Contains("not a JSON object", results[2].Error!.Reason);
        Assert.Equal("no title and no body text", results[3].Error!.Reason);
        Assert.Equal(Samples.SecondTitle, results[4].Article!.Title);
    }

    [Fact]
    public void A_truncated_array_keeps_complete_records_and_reports_the_cut()
    {
        var json = $"[{Record(Samples.Title, Samples.Body)}, {Record(Samples.SecondTitle, Samples.SecondBody)}";
        json = json[..^20];

        var results = Samples.Read(json, "cut.json");

        Assert.Equal(2, results.Count);
        Assert.NotNull(results[0].Article);
        Assert.Equal("cut.json#2", results[1].Error!.Origin);
        Assert.Contains("truncated", results[1].Error!.Reason);
    }

    [Fact]
    public void An_array_of_strings_is_records_of_the_wrong_shape()
    {
        var results = Samples.Read("[\"نص\", \"آخر\"]", "strings.json");

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Contains("not a JSON object (found a string)", r.Error!.Reason));
    }

    [Fact]
    public void A_single_object_is_one_article_named_by_the_file()
    {
        var article = Samples.Single(Samples.Read(Record(Samples.Title, Samples.Body), "one.json"));

        Assert.Equal("one.json", article.Origin);
    }

    [Fact]
    public void Body_given_as_paragraph_array_is_joined()
    {
        var json = "{\"headline\": \"" + Samples.SecondTitle + "\", \"text\": [\"الفقرة الأولى.\", \"الفقرة الثانية.\"]}";

        Assert.Equal("الفقرة الأولى.\nالفقرة الثانية.", Samples.Single(Samples.Read(json, "p.json")).Body);
    }

    [Fact]
    public void Reads_json_lines_and_survives_a_broken_line()
    {
        var jsonl = Record(Samples.Title, Samples.Body) + "\n" +
                    "{\"title\": \"سطر مكسور\", \"content\": \n" +
                    "\n" +
                    Record(Samples.SecondTitle, Samples.SecondBody) + "\r\n";

        var results = Samples.Read(jsonl, "feed.jsonl");

        Assert.Equal(3, results.Count);
        Assert.Equal("feed.jsonl#1", results[0].Article!.Origin);
        Assert.Equal("feed.jsonl#2", results[1].Error!.Origin);
        Assert.Equal("feed.jsonl#3", results[2].Article!.Origin);
        Assert.Equal(Samples.SecondBody, results[2].Article!.Body);
    }

    [Fact]
    public void Json_lines_are_recognised_by_content_without_the_extension()
    {
        var jsonl = Record(Samples.Title, Samples.Body) + "\n" + Record(Samples.SecondTitle, Samples.SecondBody) + "\n";

        var results = Samples.Read(jsonl, "export.dat");

        Assert.Equal(["export.dat#1", "export.dat#2"], results.Select(r => r.Article!.Origin));
    }

    [Fact]
    public void Streams_a_large_array_one_record_at_a_time()
    {
        // Records are produced lazily from a stream that is never materialised as a whole.
        const int count = 20_000;
        var stream = new GeneratedJsonArray(count, Record(Samples.Title, Samples.Body));
        var seen = 0;
        foreach (var r in ArticleReader.ReadStream(stream, "big.json"))
        {
            Assert.NotNull(r.Article);
            seen++;
        }
        Assert.Equal(count, seen);
        Assert.True(stream.MaxRequested <= 1 << 20);
    }

    [Fact]
    public void A_record_over_the_size_cap_is_reported()
    {
        var options = new ReaderOptions { MaxRecordBytes = 4096 };
        var huge = Record(Samples.Title, new string('ن', 10_000));
        var json = $"[{Record(Samples.Title, Samples.Body)}, {huge}]";

        var results = ArticleReader.ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(json)), "cap.json", options).ToList();

        Assert.NotNull(results[0].Article);
        Assert.Contains("larger than the limit", results[^1].Error!.Reason);
    }
}
