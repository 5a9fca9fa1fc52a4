using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Search;
using Marsad.Store;

namespace Marsad.Web;

/// <summary>
/// The sample articles that ship with the server (short Arabic news items the team wrote: Libya, Egypt, Tunisia and the Gulf;
/// politics, economy, sport), for <c>marsad serve --demo</c> and the web tests.
/// </summary>
public static class DemoCorpus
{
    public const string ResourceName = "Marsad.Web.demo-articles.jsonl";

    public static IReadOnlyList<Article> Articles()
    {
        using var stream = typeof(DemoCorpus).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the build");
        var articles = new List<Article>();
        foreach (var read in ArticleReader.ReadStream(stream, "demo-articles.jsonl"))
            articles.Add(read.Article ?? throw new InvalidOperationException($"demo corpus: {read.Error}"));
        return articles;
    }

    /// <summary>Analyses, stores and indexes the sample articles.</summary>
    public static IngestReport Load(IArticleStore store, SearchIndex index, AnalysisPipeline pipeline) =>
        new Ingestor(store, index, pipeline).Run(Articles().Select(ReadResult.Ok));
}
