using System.Diagnostics;
using Marsad.Analysis;

namespace Marsad.Cli.Bench;

/// <summary>
/// Time spent per pipeline component over a set of articles on one thread, so that a component's cost is a share of
/// the same run (events vs the whole of <c>analyze</c>) rather than an absolute figure from another day.
/// </summary>
public sealed class PipelineTiming
{
    private PipelineTiming(int articles, IReadOnlyList<(string Name, double Seconds)> components)
    {
        Articles = articles;
        Components = components;
    }

    public int Articles { get; }

    public IReadOnlyList<(string Name, double Seconds)> Components { get; }

    public double TotalSeconds => Components.Sum(c => c.Seconds);

    public double ArticlesPerSecond => Articles / TotalSeconds;

    /// <summary>Throughput with one component left out.</summary>
    public double ArticlesPerSecondWithout(string component) =>
        Articles / (TotalSeconds - Components.Where(c => c.Name == component).Sum(c => c.Seconds));

    /// <param name="warmUp">Articles run once first (JIT, model loading, word caches), not timed.</param>
    public static PipelineTiming Measure(AnalysisPipeline pipeline, IReadOnlyList<Article> articles, int warmUp)
    {
        foreach (var article in articles.Take(warmUp)) pipeline.Run(article);
        var ticks = new long[pipeline.Components.Count];
        foreach (var article in articles)
        {
            var document = new Document(article);
            for (var c = 0; c < ticks.Length; c++)
            {
                var start = Stopwatch.GetTimestamp();
                pipeline.Components[c].Process(document);
                ticks[c] += Stopwatch.GetTimestamp() - start;
            }
        }
        var components = new List<(string, double)>(ticks.Length);
        for (var c = 0; c < ticks.Length; c++) components.Add((pipeline.Components[c].Name, (double)ticks[c] / Stopwatch.Frequency));
        return new PipelineTiming(articles.Count, components);
    }
}
