using Marsad.Analysis.Summaries;

namespace Marsad.Tests.Summaries;

/// <summary>ROUGE-N figures worked out by hand for tiny examples.</summary>
public sealed class RougeTests
{
    [Fact]
    public void Rouge1_and_rouge2_count_shared_unigrams_and_bigrams()
    {
        // Four words each, three shared (ذهب الولد إلى); bigrams: ذهب-الولد and الولد-إلى shared out of three each.
        const string candidate = "ذهب الولد إلى المدرسة";
        const string reference = "ذهب الولد إلى السوق";

        var r1 = Rouge.Score(candidate, reference, 1);
        var r2 = Rouge.Score(candidate, reference, 2);

        Assert.Equal(0.75, r1.Precision, 12);
        Assert.Equal(0.75, r1.Recall, 12);
        Assert.Equal(0.75, r1.F1, 12);
        Assert.Equal(2.0 / 3, r2.F1, 12);
    }

    [Fact]
    public void Repeated_ngrams_are_clipped_to_the_reference_count()
    {
        // المدينة three times in the candidate but once in the reference: overlap 1, P = 1/3, R = 1/2, F1 = 0.4.
        var score = Rouge.Score(["مدينه", "مدينه", "مدينه"], ["مدينه", "كبيره"], 1);

        Assert.Equal(1.0 / 3, score.Precision, 12);
        Assert.Equal(0.5, score.Recall, 12);
        Assert.Equal(0.4, score.F1, 12);
    }

    [Fact]
    public void Unequal_lengths_give_the_harmonic_mean_of_precision_and_recall()
    {
        // Bigrams: candidate a-b, b-c (2); reference a-b, b-c, c-d, d-e (4); overlap 2 → P 1, R 0.5, F1 2/3.
        var score = Rouge.Score(["a", "b", "c"], ["a", "b", "c", "d", "e"], 2);

        Assert.Equal(1.0, score.Precision, 12);
        Assert.Equal(0.5, score.Recall, 12);
        Assert.Equal(2.0 / 3, score.F1, 12);
    }

    [Fact]
    public void Tokens_drop_clitics_and_punctuation_so_attached_forms_match()
    {
        Assert.Equal(Rouge.Tokens("المدينة"), Rouge.Tokens("وبالمدينة."));
        Assert.Equal(1.0, Rouge.Score("وبالمدينة، والسوق", "المدينة السوق", 1).F1, 12);
    }

    [Fact]
    public void An_empty_candidate_scores_zero()
    {
        var score = Rouge.Score("", "ذهب الولد", 1);

        Assert.Equal(0, score.F1);
        Assert.Equal(0, Rouge.Score("ذهب", "ذهب الولد", 2).F1);
    }
}
