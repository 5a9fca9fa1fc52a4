using BenchmarkDotNet.Attributes;
using Marsad.Analysis.Topics;

namespace Marsad.Bench;

/// <summary>
/// Topic prediction with the shipped model (featurisation, scoring and calibrated probabilities) over a sample of
/// news articles, title and body. Each operation predicts the whole sample; allocated bytes per operation divided
/// by the sample size is the allocation per article. Run with
/// <c>dotnet run -c Release --project bench/Marsad.Bench -- --filter *TopicBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class TopicBenchmarks
{
    private IReadOnlyList<(string Title, string Body)> _articles = [];
    private TopicModel _model = null!;

    [Params(500)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _articles = BenchmarkCorpus.TrainingArticles(Articles);
        _model = TopicModel.LoadDefault();
    }

    [Benchmark]
    public int Predict()
    {
        var sport = 0;
        foreach (var (title, body) in _articles)
        {
            if (_model.Predict(title, body).Label == "sport") sport++;
        }
        return sport;
    }
}
