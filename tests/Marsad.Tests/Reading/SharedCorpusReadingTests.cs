using System.Diagnostics;
using Marsad.Analysis.Reading;
using Xunit.Abstractions;

namespace Marsad.Tests.Reading;

public sealed class SharedCorpusReadingTests(ITestOutputHelper output)
{
    [Fact]
    public void Seed_article_reads_with_title_and_date()
    {
        var results = ArticleReader.ReadPath(SharedData.Path("seed/000_3dfe98a37ea4deb2.txt")).ToList();

        var article = Assert.Single(results).Article;
        Assert.NotNull(article);
        Assert.Equal("عملية مرتقبة لقوات حفتر في درنة بإشراف مصري", article.Title);
        Assert.Equal(new DateOnly(2018, 2, 13), article.Date);
        Assert.True(article.Body.Length > 200);
        Assert.Equal(ContentId.Length, article.Id.Length);
    }

    [Fact]
    public void Every_ant_multisource_article_reads_without_errors()
    {
        var root = SharedData.Path("data/news/ant-multisource");
        var clock = Stopwatch.StartNew();
        var articles = 0;
        var dated = 0;
        var errors = new List<string>();
        foreach (var r in ArticleReader.ReadPath(root))
        {
            if (r.Error is { } e)
            {
                errors.Add(e.ToString());
                continue;
            }
            var a = r.Article!;
            if (!a.Origin.EndsWith(".txt", StringComparison.Ordinal)) continue; // the corpus README
            articles++;
            Assert.False(string.IsNullOrWhiteSpace(a.Title), a.Origin);
            Assert.False(string.IsNullOrWhiteSpace(a.Body), a.Origin);
            Assert.NotNull(a.Category);
            if (a.Date is not null) dated++;
        }
        output.WriteLine($"{articles} articles, {dated} dated, in {clock.ElapsedMilliseconds} ms");

        Assert.Empty(errors);
        Assert.Equal(27_549, articles);
        Assert.Equal(articles, dated);
    }

    [Fact]
    public void Ant_jawharafm_refuses_only_articles_missing_a_title_or_body()
    {
        var results = ArticleReader.ReadPath(SharedData.Path("data/news/ant-jawharafm"))
            .Where(r => (r.Article?.Origin ?? r.Error!.Origin).EndsWith(".txt", StringComparison.Ordinal)) // not README/LICENSE
            .ToList();
        var errors = results.Where(r => r.Error is not null).Select(r => r.Error!).ToList();
        output.WriteLine($"{results.Count - errors.Count} articles, {errors.Count} errors");

        Assert.Equal(10_161, results.Count);
        Assert.True(errors.Count < 100, $"{errors.Count} errors");
        Assert.All(errors, e => Assert.Contains(e.Reason, new[] { "no title", "no body text", "no title and no body text" }));
    }

    [Fact]
    public void SaudiNewsNet_zip_reads_its_records()
    {
        var zip = SharedData.Path("data/news/saudinewsnet/2015-07-27.zip");
        var results = ArticleReader.ReadPath(zip).ToList();
        var articles = results.Where(r => r.Article is not null).Select(r => r.Article!).ToList();
        var errors = results.Where(r => r.Error is not null).Select(r => r.Error!).ToList();
        output.WriteLine($"{articles.Count} articles, {errors.Count} errors");
        foreach (var e in errors.Take(10)) output.WriteLine(e.ToString());

        Assert.True(articles.Count > 1_000);
        Assert.All(articles, a => Assert.StartsWith(zip + "!2015-07-27.json#", a.Origin));
        Assert.All(articles, a => Assert.NotNull(a.Url));
        Assert.Contains(articles, a => a.Date == new DateOnly(2015, 7, 27));
        // Only records that really lack a title or body are refused.
        Assert.All(errors, e => Assert.Contains(e.Reason, new[] { "no title", "no body text", "no title and no body text" }));
    }

    [Fact]
    public void Topic_test_split_loads_every_row()
    {
        var rows = CorpusSplit.Read(SharedData.Path("data/splits/topic-test.tsv")).ToList();

        Assert.Equal(2_737, rows.Count);
        Assert.All(rows, r => Assert.Equal(r.Label, r.Article.Category));
    }
}
