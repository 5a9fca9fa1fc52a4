using Marsad.Analysis.Topics;

namespace Marsad.Tests.Topics;

public class TopicEvaluatorTests
{
    [Fact]
    public void Score_ComputesAccuracyPerClassAndMacroF1()
    {
        string[] gold = ["sport", "sport", "sport", "economy", "economy", "culture"];
        string[] predicted = ["sport", "sport", "economy", "economy", "culture", "culture"];

        var e = TopicEvaluator.Score(gold, predicted);

        Assert.Equal(["culture", "economy", "sport"], e.Labels);
        Assert.Equal(6, e.Count);
        Assert.Equal(4 / 6.0, e.Accuracy, 12);
        var culture = e.PerClass[0];
        var economy = e.PerClass[1];
        var sport = e.PerClass[2];
        Assert.Equal((0.5, 1.0, 2 / 3.0, 1), (culture.Precision, culture.Recall, culture.F1, culture.Support));
        Assert.Equal((0.5, 0.5, 0.5, 2), (economy.Precision, economy.Recall, economy.F1, economy.Support));
        Assert.Equal((1.0, 2 / 3.0, 0.8, 3), (sport.Precision, sport.Recall, sport.F1, sport.Support));
        Assert.Equal((2 / 3.0 + 0.5 + 0.8) / 3, e.MacroF1, 12);
        Assert.True(double.IsNaN(e.ExpectedCalibrationError));
    }

    [Fact]
    public void CrossValidate_ScoresEveryArticleWithTheModelOfTheOtherFolds()
    {
        var items = TopicExamples.Train;

        var e = TopicEvaluator.CrossValidate(items, null, 2, TopicExamples.SmallOptions);

        var odd = TopicTrainer.Train(items.Where((_, i) => i % 2 == 1).ToList(), null, TopicExamples.SmallOptions);
        var even = TopicTrainer.Train(items.Where((_, i) => i % 2 == 0).ToList(), null, TopicExamples.SmallOptions);
        var correct = items.Where((t, i) => (i % 2 == 0 ? odd : even).Predict(t.Title, t.Body).Label == t.Label).Count();
        Assert.Equal(items.Count, e.Count);
        Assert.All(e.PerClass, c => Assert.Equal(4, c.Support));
        Assert.Equal(correct / (double)items.Count, e.Accuracy, 12);
    }

    [Fact]
    public void Score_ConfusionIsGoldByPredicted()
    {
        string[] gold = ["sport", "sport", "sport", "economy", "economy", "culture"];
        string[] predicted = ["sport", "sport", "economy", "economy", "culture", "culture"];

        var e = TopicEvaluator.Score(gold, predicted);

        Assert.Equal([1, 0, 0], e.Confusion[0]);
        Assert.Equal([1, 1, 0], e.Confusion[1]);
        Assert.Equal([0, 1, 2], e.Confusion[2]);
    }

    [Fact]
    public void Score_LabelOnlyPredictedCountsInMacroAverageWithZeroF1()
    {
        var e = TopicEvaluator.Score(["sport", "sport"], ["sport", "economy"]);

        Assert.Equal(0.5, e.Accuracy);
        Assert.Equal(0, e.PerClass.Single(c => c.Label == "economy").F1);
        Assert.Equal(2 / 3.0 / 2, e.MacroF1, 12);
    }

    [Fact]
    public void Score_ExpectedCalibrationErrorUsesTenBins()
    {
        // Bin 0.9: two predictions, one right (|1 - 1.8|); bin 0.6: two, both right (|2 - 1.2|).
        var e = TopicEvaluator.Score(["a", "a", "a", "a"], ["a", "b", "a", "a"], [0.9, 0.9, 0.6, 0.6]);

        Assert.Equal((0.8 + 0.8) / 4, e.ExpectedCalibrationError, 12);
    }

    [Fact]
    public void Score_RejectsMismatchedLengths()
    {
        Assert.Throws<ArgumentException>(() => TopicEvaluator.Score(["a", "b"], ["a"]));
    }
}
