using Marsad.Analysis;
using Marsad.Analysis.Events;
using Marsad.Analysis.Reading;

namespace Marsad.Tests.Events;

/// <summary>
/// The coder on the shared PETRARCH gold sentences and on sport/technology/culture articles. Floors sit a little under
/// the figures in docs/RESULTS.md so that a change that loses recall or floods quiet text with violence fails here.
/// </summary>
public class EventEvaluationTests
{
    private static readonly AnalysisPipeline Pipeline = DefaultPipeline.Create();

    [Theory]
    [InlineData("assault.xml", "ASSAULT", 0.92, 0.48)]
    [InlineData("protest.xml", "PROTEST", 0.92, 0.62)]
    public void Gold_category_recall_and_actor_agreement_stay_above_their_floors(string file, string category, double recall, double agreement)
    {
        var gold = PetrarchGold.Read(SharedData.Path($"data/events/gold-dev/{file}"));
        var score = EventEvaluator.ScoreGold(Pipeline, gold);
        Assert.Equal(category, score.Category);
        Assert.True(score.CategoryRecall >= recall, $"recall {score.CategoryRecall:F4}");
        Assert.True(score.ActorAgreement >= agreement, $"actor agreement {score.ActorAgreement:F4}");
    }

    [Fact]
    public void Fewer_than_two_percent_of_sport_technology_and_culture_sentences_yield_assault_or_protest()
    {
        var quiet = CorpusSplit.Read(SharedData.Path("data/splits/topic-test.tsv"))
            .Where(row => EventEvaluator.QuietTopics.Contains(row.Label))
            .Select(row => row.Article);
        var score = EventEvaluator.ScoreFalsePositives(Pipeline, quiet);
        Assert.True(score.Articles > 500, $"{score.Articles} articles");
        Assert.True(score.Rate < 0.02, $"{score.Flagged}/{score.Sentences} = {score.Rate:P2}");
    }

    [Fact]
    public void Gold_reader_rejects_a_file_that_is_not_gold_xml()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "<Sentences><Sentence");
            var e = Assert.Throws<InvalidDataException>(() => PetrarchGold.Read(path));
            Assert.Contains(path, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
