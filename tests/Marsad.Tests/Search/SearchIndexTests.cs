using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Search;
using Marsad.Store;

namespace Marsad.Tests.Search;

/// <summary>Store → ingest → Lucene index → search, on a few articles the team wrote.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("marsad-search-").FullName;
    private readonly SqliteArticleStore _store;
    private readonly SearchIndex _index;

    public SearchIndexTests()
    {
        _store = new SqliteArticleStore(_folder);
        _index = SearchIndex.Open(_store, _folder);
        var report = Ingest(
            Article("قرار جديد للحكومة", new DateOnly(2018, 2, 13), "BBC", "middleEast",
                "أعلنت الحكومة الليبية اليوم خطة لإعادة إعمار مدينة درنة بعد سنوات من الحصار. وقال المتحدث إن وللحكومة أولويات واضحة."),
            Article("مباراة حاسمة في الدوري", new DateOnly(2018, 3, 2), "CNN", "sport",
                "فاز الفريق الأول على منافسه بثلاثة أهداف في مباراة حاسمة من الدوري، وقال المدرب إن اللاعبين قدموا أداء رائعا."),
            Article("أسعار النفط ترتفع", new DateOnly(2018, 3, 20), "CNN", "economy",
                "ارتفعت أسعار النفط في الأسواق العالمية، وقالت وزارة الاقتصاد إن حكومات المنطقة تتابع الأسواق."));
        Assert.Equal(3, report.Added);
    }

    [Fact]
    public void Clitic_and_article_variants_meet_on_one_term()
    {
        foreach (var query in new[] { "الحكومة", "حكومة", "وللحكومة" })
        {
            var response = _index.Search(new SearchRequest(query));
            Assert.Contains(response.Hits, hit => hit.Title == "قرار جديد للحكومة");
        }
    }

    [Fact]
    public void Snippets_highlight_the_matched_words_at_their_original_offsets()
    {
        var hit = _index.Search(new SearchRequest("درنة")).Hits[0];
        Assert.NotEmpty(hit.Highlights);
        foreach (var (start, length) in hit.Highlights) Assert.Equal("درنة", hit.Snippet.Substring(start, length));
        var body = _store.Get(hit.Id)!.Body;
        Assert.Equal(hit.Snippet, body.Substring(hit.SnippetStart, hit.Snippet.Length));
    }

    [Fact]
    public void Exclusion_phrase_and_required_words_narrow_the_results()
    {
        Assert.Equal(2, _index.Search(new SearchRequest("الأسواق OR الحكومة")).Total);
        Assert.Equal(1, _index.Search(new SearchRequest("الحكومة -النفط")).Total);
        Assert.Equal(1, _index.Search(new SearchRequest("\"أسعار النفط\"")).Total);
        Assert.Equal(0, _index.Search(new SearchRequest("\"النفط أسعار\"")).Total);
        Assert.Equal(1, _index.Search(new SearchRequest("+مباراة +الدوري")).Total);
        Assert.Equal(0, _index.Search(new SearchRequest("مباراة AND النفط")).Total);
    }

    [Fact]
    public void Filters_and_facets_describe_the_whole_result_set()
    {
        var all = _index.Search(new SearchRequest("أعلنت فاز ارتفعت") { Limit = 1 });
        Assert.Equal(3, all.Total);
        Assert.Single(all.Hits);
        Assert.Contains(new FacetCount("CNN", 2), all.Facets["source"]);
        Assert.Contains(new FacetCount("2018-03", 2), all.Facets["month"]);
        var march = _index.Search(new SearchRequest("أعلنت فاز ارتفعت") { From = new DateOnly(2018, 3, 1), To = new DateOnly(2018, 3, 31), Source = "CNN" });
        Assert.Equal(2, march.Total);
        Assert.Equal(1, _index.Search(new SearchRequest("أعلنت فاز ارتفعت") { Category = "sport" }).Total);
    }

    [Fact]
    public void Places_people_and_topics_from_the_analysis_filter_and_facet()
    {
        var derna = _index.Search(new SearchRequest("") { Place = "ودرنة" });
        Assert.Equal("قرار جديد للحكومة", Assert.Single(derna.Hits).Title);
        var sport = _index.Search(new SearchRequest("") { Topic = "sport" });
        Assert.Equal("مباراة حاسمة في الدوري", Assert.Single(sport.Hits).Title);
        var all = _index.Search(new SearchRequest("أعلنت فاز ارتفعت"));
        Assert.Contains(all.Facets["place"], f => f.Value == "درنه");
        Assert.Equal(3, all.Facets["topic"].Sum(f => f.Count));
    }

    [Theory]
    [InlineData("title:(درنة AND")]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("درنة~2 ^3 [a TO z] {x} \\")]
    [InlineData("'; DROP TABLE articles; --")]
    [InlineData("-درنة")]
    [InlineData("   ")]
    public void Query_syntax_in_user_text_is_never_interpreted(string query)
    {
        var response = _index.Search(new SearchRequest(query));
        Assert.True(response.Total >= 0);
        Assert.Equal(3, _store.Count());
    }

    [Fact]
    public void Overlong_queries_are_refused_with_a_message()
    {
        var error = Assert.Throws<QuerySyntaxException>(() => _index.Search(new SearchRequest(new string('س', UserQuery.MaxLength + 1))));
        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingesting_again_adds_nothing_and_a_rebuilt_index_finds_the_same()
    {
        var again = Ingest(ReadAll());
        Assert.Equal(0, again.Added);
        Assert.Equal(3, again.Skipped);
        var before = _index.Search(new SearchRequest("درنة")).Hits.Select(h => h.Id).ToList();
        Assert.Equal(3, _index.Rebuild());
        Assert.Equal(before, _index.Search(new SearchRequest("درنة")).Hits.Select(h => h.Id).ToList());
    }

    [Fact]
    public void A_reopened_index_resumes_from_its_committed_sequence()
    {
        _index.Dispose();
        using var reopened = SearchIndex.Open(_store, _folder);
        Assert.Equal(_store.LastSequence(), reopened.Sequence);
        Assert.Equal(0, reopened.CatchUp());
        Assert.Equal(3, reopened.DocumentCount);
    }

    public void Dispose()
    {
        _index.Dispose();
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private Article[] ReadAll() => [.. _store.ReadSince(0, 100).Select(a => a.ToArticle())];

    private IngestReport Ingest(params Article[] articles)
    {
        var ingestor = new Ingestor(_store, _index, DefaultPipeline.Create());
        return ingestor.Run(articles.Select(ReadResult.Ok));
    }

    private static Article Article(string title, DateOnly date, string source, string category, string body) =>
        new(ContentId.Compute(title, body), title, date, body, source, null, category, null, $"test:{title}");
}
