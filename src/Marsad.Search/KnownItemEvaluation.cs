using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Marsad.Search;

/// <summary>
/// Known-item retrieval: each query is an article's title, OR'ed term by term, and the target is that article's body.
/// Both analyzers under comparison run on identical index settings (bodies only, BM25 k1 1.2, b 0.75).
/// A hit on a document whose body is identical to the target's (a twin filed twice) counts as finding the target,
/// since no ranking can tell the two apart; <see cref="RetrievalScores.StrictMrr10"/> reports the score without that.
/// </summary>
public static class KnownItemEvaluation
{
    private const string KeyField = "key", BodyField = "body";

    public static RetrievalScores Evaluate(Analyzer analyzer, IReadOnlyList<(string Key, string Body)> corpus,
        IReadOnlyList<(string Query, string TargetKey)> queries)
    {
        using var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = SearchIndex.Ranking, RAMBufferSizeMB = 128 };
        var twinGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var (key, body) in corpus)
            {
                if (!groups.TryGetValue(body, out var group)) groups[body] = group = groups.Count;
                twinGroup[key] = group;
                writer.AddDocument(new Lucene.Net.Documents.Document
                {
                    new StringField(KeyField, key, Field.Store.YES),
                    new TextField(BodyField, body, Field.Store.NO),
                });
            }
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = SearchIndex.Ranking };
        var builder = new QueryCompiler(analyzer, [(BodyField, 1f)]);
        double reciprocal = 0, strictReciprocal = 0;
        int top1 = 0, top10 = 0, missing = 0;
        foreach (var (text, target) in queries)
        {
            if (!twinGroup.TryGetValue(target, out var targetGroup))
            {
                missing++;
                continue;
            }
            var query = new BooleanQuery();
            foreach (var (term, _) in builder.Analyze(text)) query.Add(new TermQuery(new Term(BodyField, term)), Occur.SHOULD);
            var hits = searcher.Search(query, 10).ScoreDocs;
            int rank = 0, strictRank = 0;
            for (var i = 0; i < hits.Length; i++)
            {
                var key = searcher.Doc(hits[i].Doc).Get(KeyField);
                if (rank == 0 && twinGroup[key] == targetGroup) rank = i + 1;
                if (strictRank == 0 && key == target) strictRank = i + 1;
            }
            if (rank > 0)
            {
                reciprocal += 1.0 / rank;
                top10++;
                if (rank == 1) top1++;
            }
            if (strictRank > 0) strictReciprocal += 1.0 / strictRank;
        }
        var n = Math.Max(1, queries.Count - missing);
        return new RetrievalScores(queries.Count - missing, reciprocal / n, (double)top1 / n, (double)top10 / n, strictReciprocal / n);
    }
}

/// <summary>Known-item scores: MRR@10, Recall@1 and Recall@10 (twins count as the target), and MRR@10 without twins.</summary>
public sealed record RetrievalScores(int Queries, double Mrr10, double Recall1, double Recall10, double StrictMrr10);
