using Marsad.Analysis.Keywords;
using Marsad.Analysis.Sentences;
using Marsad.Text;

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

    private int[] Choose(string title, string body, IReadOnlyList<SentenceSpan> sentences)
    {
        var n = Math.Min(sentences.Count, Options.MaxCandidates);
        var count = Math.Min(Options.SentenceCount, n);
        if (count == n) return [.. Enumerable.Range(0, n)];
        var vectors = new Dictionary<string, double>[n];
        var wordCounts = new int[n];
        for (var i = 0; i < n; i++) vectors[i] = Vector(sentences[i].Slice(body), out wordCounts[i]);
        var titleVector = Vector(title, out _);

        var centrality = TextRank(vectors);
        var scores = new double[n];
        var maxCentrality = centrality.Max();
        var maxWords = Math.Max(1, wordCounts.Max());
        for (var i = 0; i < n; i++)
        {
            var position = 1.0 / (i + 1);
            var central = maxCentrality > 0 ? centrality[i] / maxCentrality : 0;
            var titleSimilarity = Cosine(vectors[i], titleVector);
            scores[i] = Options.PositionWeight * position + Options.CentralityWeight * central + Options.TitleWeight * titleSimilarity
                        - Options.LengthWeight * wordCounts[i] / maxWords;
            // Too short to stand as a summary sentence; still ranked among themselves if nothing else is left.
            if (wordCounts[i] < Options.MinWords) scores[i] -= 10;
        }
        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(count).ToArray();
        Array.Sort(order);
        return order;
    }

    /// <summary>Stem TF-IDF of the content words of <paramref name="text"/>, L2-normalised.</summary>
    private Dictionary<string, double> Vector(ReadOnlySpan<char> text, out int words)
    {
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        var lookup = vector.GetAlternateLookup<ReadOnlySpan<char>>();
        words = 0;
        foreach (var token in ArabicAnalyzerChain.ForCurrentThread.Analyze(text))
        {
            if (!KeywordStatistics.IsCounted(token)) continue;
            words++;
            lookup[token.Stem] = (lookup.TryGetValue(token.Stem, out var w) ? w : 0) + _statistics.Idf(token.Stem);
        }
        var norm = Math.Sqrt(vector.Values.Sum(v => v * v));
        if (norm > 0)
            foreach (var key in vector.Keys.ToArray()) vector[key] /= norm;
        return vector;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        var dot = 0.0;
        foreach (var (key, value) in a)
            if (b.TryGetValue(key, out var other)) dot += value * other;
        return dot;
    }

    /// <summary>Weighted PageRank over the sentence similarity graph (power iteration; sentences without edges keep the base rank).</summary>
    private static double[] TextRank(Dictionary<string, double>[] vectors)
    {
        var n = vectors.Length;
        var weights = new double[n, n];
        var outSum = new double[n];
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
            {
                var w = Cosine(vectors[i], vectors[j]);
                weights[i, j] = weights[j, i] = w;
                outSum[i] += w;
                outSum[j] += w;
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
                    if (outSum[j] > 0) sum += weights[j, i] / outSum[j] * rank[j];
                next[i] = (1 - Damping) / n + Damping * sum;
            }
            (rank, next) = (next, rank);
        }
        return rank;
    }
}
