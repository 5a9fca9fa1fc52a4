using Marsad.Analysis.Entities;

namespace Marsad.Tests.Entities;

/// <summary>Guards the shipped model's accuracy on the ANERcorp test split (exact-match spans, conlleval rules).</summary>
public class NerAnercorpTests
{
    /// <summary>Measured micro-F1 of the shipped model with document context (78.08), minus half a point of slack.</summary>
    private const double MinimumMicroF1 = 77.5;

    /// <summary>Measured sentence-by-sentence micro-F1 (75.48), minus half a point.</summary>
    private const double MinimumSentenceMicroF1 = 75.0;

    [Fact]
    public void Shipped_model_keeps_its_test_score()
    {
        var gold = ConllCorpus.Read(SharedData.Path(NerTrainer.AnercorpTest));
        Assert.Equal(25_008, gold.Sum(s => s.Count));

        var e = NerEvaluator.Evaluate(NerModel.LoadDefault(), gold);

        Assert.True(e.MicroF1 >= MinimumMicroF1, $"micro-F1 {e.MicroF1:F2} < {MinimumMicroF1}");
        Assert.True(e.PerType["LOC"].F1 > e.PerType["MISC"].F1, "LOC should stay the easiest type");
    }

    [Fact]
    public void Shipped_model_keeps_its_sentence_level_score()
    {
        var gold = ConllCorpus.Read(SharedData.Path(NerTrainer.AnercorpTest));

        var e = NerEvaluator.Evaluate(NerModel.LoadDefault(), gold, documentContext: false);

        Assert.True(e.MicroF1 >= MinimumSentenceMicroF1, $"micro-F1 {e.MicroF1:F2} < {MinimumSentenceMicroF1}");
    }
}
