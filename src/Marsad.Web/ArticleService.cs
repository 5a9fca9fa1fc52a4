using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Search;
using Marsad.Search.Events;
using Marsad.Store;
using Marsad.Store.Events;

namespace Marsad.Web;

/// <summary>
/// What the endpoints do, over one store and its search index: search, read an article back as its full analysis,
/// analyse without storing, and ingest (one ingest at a time; searches go on meanwhile).
/// </summary>
public sealed class ArticleService(IArticleStore store, SearchIndex index, AnalysisPipeline pipeline)
{
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = DocumentJsonWriter.Encoder };

    private readonly Lock _ingestGate = new();

    public IArticleStore Store => store;

    /// <exception cref="QuerySyntaxException">The query is refused.</exception>
    public SearchResponse Search(SearchRequest request) => index.Search(request);

    /// <summary>The stored analysis with the body and the sentences' text put back (the store keeps them out of the JSON).</summary>
    public JsonObject? Article(string id)
    {
        if (!IsContentId(id)) return null;
        var article = store.Get(id);
        if (article is null) return null;
        var analysis = JsonNode.Parse(article.AnalysisJson)!.AsObject();
        var body = article.Body;
        if (analysis["sentences"] is JsonArray sentences)
        {
            foreach (var sentence in sentences.OfType<JsonObject>())
            {
                var start = sentence["start"]?.GetValue<int>() ?? 0;
                var end = sentence["end"]?.GetValue<int>() ?? 0;
                if (start >= 0 && end >= start && end <= body.Length && sentence["text"] is null)
                    sentence["text"] = body[start..end];
            }
        }
        analysis["body"] = body;
        return analysis;
    }

    public Document Analyze(Article article) => pipeline.Run(article);

    /// <summary><paramref name="filter"/> narrowed to the articles <paramref name="search"/> finds (unchanged when it has no words and no filters).</summary>
    /// <exception cref="QuerySyntaxException">The query is refused.</exception>
    public EventFilter EventsOf(EventFilter filter, SearchRequest search) => EventArticles.Restrict(filter, index, search);

    public IngestReport Ingest(IReadOnlyList<ReadResult> reads)
    {
        lock (_ingestGate)
        {
            var ingestor = new Ingestor(store, index, pipeline);
            return ingestor.Run(reads);
        }
    }

    private static bool IsContentId(string id) =>
        id.Length == ContentId.Length && id.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
}
