using Marsad.Analysis.Topics;

namespace Marsad.Tests.Topics;

/// <summary>The shipped model on the fixed test split; thresholds are the measured figures minus 0.005.</summary>
public class TopicDataTests
{
    [Fact]
    public void ShippedModel_OnTestSplit_KeepsMeasuredAccuracyAndMacroF1()
    {
        var test = TopicCorpus.LoadSplit(SharedData.Path("data/splits/topic-test.tsv"));
        Assert.Equal(2737, test.Count);

        var e = TopicEvaluator.Evaluate(TopicModel.LoadDefault(), test);

        Assert.True(e.Accuracy >= 0.9178 - 0.005, $"accuracy {e.Accuracy:F4}");
        Assert.True(e.MacroF1 >= 0.9109 - 0.005, $"macro-F1 {e.MacroF1:F4}");
        Assert.True(e.ExpectedCalibrationError < 0.05, $"ECE {e.ExpectedCalibrationError:F4}");
    }
}
