using Marsad.Analysis.Keywords;
using Marsad.Analysis.Sentences;

namespace Marsad.Analysis.Summaries;

/// <summary>
/// Extractive summariser: scores every sentence by position, TextRank centrality (PageRank over the graph of cosine
/// similarities between the sentences' stem TF-IDF vectors, Mihalcea &amp; Tarau 2004) and similarity to the title,
/// then returns the best sentences in text order. Thread-safe.
/// </summary>
public sealed class Summarizer
{
    private const double Damping = 0.85;
    private const int Iterations = 30;

    private readonly KeywordStatistics _statistics;

    public Summarizer(KeywordStatistics statistics, SummarizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        options ??= SummarizerOptions.Default;
        options.Validate();
        _statistics = statistics;
        Options = options;
    }

    public static Summarizer Default { get; } = new(KeywordStatistics.Default);

    public SummarizerOptions Options { get; }

    public Summary Summarize(string title, string body, IReadOnlyList<SentenceSpan> sentences)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(sentences);
        var chosen = Choose(title, body, sentences);
        return new Summary(chosen, string.Join(" ", chosen.Select(i => sentences[i].Text(body).Trim())));
    }

    /// <summary>The first <paramref name="count"/> sentences: the lead baseline that news summaries are measured against.</summary>
    public static Summary Lead(string body, IReadOnlyList<SentenceSpan> sentences, int count)
    {
        var chosen = Enumerable.Range(0, Math.Min(count, sentences.Count)).ToArray();
        return new Summary(chosen, string.Join(" ", chosen.Select(i => sentences[i].Text(body).Trim())));
    }

    private int[] Choose(string titleText, string body, IReadOnlyList<SentenceSpan> sentences)
    {
        var n = Math.Min(sentences.Count, Options.MaxCandidates);
        var count = Math.Min(Options.SentenceCount, n);
        if (count == n) return [.. Enumerable.Range(0, n)];
        var vectors = SentenceVectors.ForCurrentThread();
        var wordCounts = new int[n];
        for (var i = 0; i < n; i++) vectors.Add(sentences[i].Slice(body), _statistics, out wordCounts[i]);
        var title = vectors.Add(titleText, _statistics, out _);

        var centrality = TextRank(vectors, n);
        var scores = new double[n];
        var maxCentrality = centrality.Max();
        var maxWords = Math.Max(1, wordCounts.Max());
        for (var i = 0; i < n; i++)
        {
            var position = 1.0 / (i + 1);
            var central = maxCentrality > 0 ? centrality[i] / maxCentrality : 0;
            var titleSimilarity = vectors.Cosine(i, title);
            scores[i] = Options.PositionWeight * position + Options.CentralityWeight * central + Options.TitleWeight * titleSimilarity
                        - Options.LengthWeight * wordCounts[i] / maxWords;
            // Too short to stand as a summary sentence; still ranked among themselves if nothing else is left.
            if (wordCounts[i] < Options.MinWords) scores[i] -= 10;
        }
        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(count).ToArray();
        Array.Sort(order);
        return order;
    }

    /// <summary>Weighted PageRank over the sentence similarity graph (power iteration; sentences without edges keep the base rank).</summary>
    /// <summary>The similarity matrix, reused by the thread from article to article (n × n, up to MaxCandidates²).</summary>
    [ThreadStatic]
    private static double[]? t_weights;

    private static double[] TextRank(SentenceVectors vectors, int n)
    {
        if (t_weights is null || t_weights.Length < n * n) t_weights = new double[Math.Max(n * n, 1024)];
        var weights = t_weights;
        var outSum = new double[n];
        for (var i = 0; i < n; i++)
        {
            weights[i * n + i] = 0;
            for (var j = i + 1; j < n; j++)
            {
                var w = vectors.Cosine(i, j);
                weights[i * n + j] = weights[j * n + i] = w;
                outSum[i] += w;
                outSum[j] += w;
            }
        }
        var rank = new double[n];
        Array.Fill(rank, 1.0 / n);
        var next = new double[n];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++)
                    if (outSum[j] > 0) sum += weights[j * n + i] / outSum[j] * rank[j];
                next[i] = (1 - Damping) / n + Damping * sum;
            }
            (rank, next) = (next, rank);
        }
        return rank;
    }
}
