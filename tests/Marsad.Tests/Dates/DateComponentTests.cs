using System.Diagnostics;
using System.Text.Json;
using Marsad.Analysis;
using Marsad.Analysis.Components;
using Marsad.Analysis.Dates;
using Marsad.Analysis.Reading;
using Xunit.Abstractions;

namespace Marsad.Tests.Dates;

/// <summary>The date component in the pipeline: the canonical article, the JSON field, and the cost per article.</summary>
public class DateComponentTests(ITestOutputHelper output)
{
    [Fact]
    public void Seed_resolves_its_relative_and_doubled_month_dates_against_its_own_date()
    {
        var read = Assert.Single(ArticleReader.ReadPath(SharedData.Path("seed/000_3dfe98a37ea4deb2.txt")));
        var article = read.Article!;
        Assert.Equal(new DateOnly(2018, 2, 13), article.Date);
        var document = DefaultPipeline.Create().Run(article);

        var weekend = Single(document, "نهاية الأسبوع الماضي");
        Assert.Equal(new DateOnly(2018, 2, 9), weekend.From);
        Assert.Equal(new DateOnly(2018, 2, 10), weekend.To);
        Assert.Equal(DatePrecision.Week, weekend.Precision);
        Assert.Equal("2018-W06", weekend.Value);
        Assert.True(weekend.Relative);

        var month = Single(document, "نيسان أبريل 2016");
        Assert.Equal(new DateOnly(2016, 4, 1), month.From);
        Assert.Equal(new DateOnly(2016, 4, 30), month.To);
        Assert.Equal(DatePrecision.Month, month.Precision);
        Assert.False(month.Relative);

        var twoYears = Single(document, "منذ نحو عامين");
        Assert.Equal(DatePrecision.Approximate, twoYears.Precision);
        Assert.Equal("2016-02", twoYears.Value);
        Assert.True(twoYears.From < new DateOnly(2016, 2, 13) && twoYears.To > new DateOnly(2016, 2, 13));

        foreach (var mention in document.Dates) Assert.Equal(mention.Text, article.Body[mention.Start..mention.End]);
    }

    [Fact]
    public void Json_carries_the_documented_date_fields()
    {
        var article = new Article("0000000000000001", "عنوان", new DateOnly(2018, 2, 13),
            "غادر الوفد أمس وعاد في نيسان أبريل 2016 بعد غياب", null, null, null, null, "test");
        var document = new AnalysisPipeline([new DateComponent()]).Run(article);
        using var json = JsonDocument.Parse(DocumentJsonWriter.ToJson(document));
        var dates = json.RootElement.GetProperty("dates").EnumerateArray().ToList();
        Assert.Equal(2, dates.Count);
        var yesterday = dates[0];
        Assert.Equal("أمس", yesterday.GetProperty("text").GetString());
        Assert.Equal("2018-02-12", yesterday.GetProperty("value").GetString());
        Assert.Equal("day", yesterday.GetProperty("precision").GetString());
        Assert.Equal("2018-02-12", yesterday.GetProperty("from").GetString());
        Assert.Equal("2018-02-12", yesterday.GetProperty("to").GetString());
        Assert.Equal("gregorian", yesterday.GetProperty("calendar").GetString());
        Assert.True(yesterday.GetProperty("relative").GetBoolean());
        Assert.Equal(article.Body.IndexOf("أمس", StringComparison.Ordinal), yesterday.GetProperty("start").GetInt32());
        Assert.Equal("2016-04", dates[1].GetProperty("value").GetString());
        Assert.Equal("month", dates[1].GetProperty("precision").GetString());
    }

    [Fact]
    public void Undated_article_writes_unresolved_relative_dates_as_null()
    {
        var article = new Article("0000000000000002", "عنوان", null, "وقع الحادث أمس", null, null, null, null, "test");
        var document = new AnalysisPipeline([new DateComponent()]).Run(article);
        using var json = JsonDocument.Parse(DocumentJsonWriter.ToJson(document));
        var date = Assert.Single(json.RootElement.GetProperty("dates").EnumerateArray().ToList());
        Assert.Equal(JsonValueKind.Null, date.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, date.GetProperty("from").ValueKind);
        Assert.True(date.GetProperty("relative").GetBoolean());
    }

    [Fact]
    public void Every_mention_in_the_topic_test_bodies_is_well_formed()
    {
        var articles = CorpusSplit.Read(SharedData.Path("data/splits/topic-test.tsv")).Select(a => a.Article).ToList();
        Assert.Equal(2737, articles.Count);
        var mentions = 0;
        foreach (var a in articles)
        {
            foreach (var m in DateExtractor.Extract(a.Body, a.Date))
            {
                mentions++;
                Assert.Equal(m.Text, a.Body[m.Start..m.End]);
                if (m.From is { } from) Assert.True(from <= m.To, $"{m.Text}: {m.From} > {m.To}");
                Assert.Equal(m.Resolved, m.Value is not null);
            }
        }

        output.WriteLine($"{articles.Count} articles, {mentions} date mentions");
        Assert.True(mentions > articles.Count / 2, $"{mentions} mentions in {articles.Count} articles");
    }

    private static DateMention Single(Document document, string text) =>
        Assert.Single(document.Dates, d => d.Text == text);
}
