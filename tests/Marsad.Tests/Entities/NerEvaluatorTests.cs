using Marsad.Analysis.Entities;

namespace Marsad.Tests.Entities;

public class NerEvaluatorTests
{
    private static ConllSentence Gold(string tokens, string tags) =>
        new(tokens.Split(' '), tags.Split(' '));

    private static IReadOnlyList<string> Pred(string tags) => tags.Split(' ');

    [Fact]
    public void Scores_exact_span_matches_per_type_and_micro()
    {
        var gold = new[] { Gold("زار محمد علي مدينة حلب", "O B-PERS I-PERS O B-LOC") };
        var pred = new[] { Pred("O B-PERS I-PERS O B-ORG") };

        var e = NerEvaluator.Score(gold, pred);

        Assert.Equal(50.0, e.MicroPrecision, 6);
        Assert.Equal(50.0, e.MicroRecall, 6);
        Assert.Equal(50.0, e.MicroF1, 6);
        Assert.Equal(new NerTypeScore(100, 100, 100, 1, 1, 1), e.PerType["PERS"]);
        Assert.Equal(new NerTypeScore(0, 0, 0, 1, 0, 0), e.PerType["LOC"]);
        Assert.Equal(new NerTypeScore(0, 0, 0, 0, 1, 0), e.PerType["ORG"]);
        Assert.Equal(80.0, e.TokenAccuracy, 6);
        Assert.Equal(5, e.Tokens);
    }

    [Fact]
    public void An_inside_tag_without_its_begin_starts_a_span_as_in_conlleval()
    {
        var gold = new[] { Gold("في مدينة غزة القديمة", "O B-LOC I-LOC I-LOC") };
        var pred = new[] { Pred("O I-LOC I-LOC I-LOC") };

        var e = NerEvaluator.Score(gold, pred);

        Assert.Equal(100.0, e.MicroF1, 6);
    }

    [Fact]
    public void Partial_or_split_spans_earn_nothing()
    {
        var gold = new[]
        {
            Gold("قالت وكالة الأنباء الأردنية", "O B-ORG I-ORG I-ORG"),
            Gold("سافر سمير خليل أمس", "O B-PERS I-PERS O"),
        };
        // A truncated organisation, and a person split into two spans.
        var pred = new[] { Pred("O B-ORG I-ORG O"), Pred("O B-PERS B-PERS O") };

        var e = NerEvaluator.Score(gold, pred);

        Assert.Equal(0.0, e.MicroF1, 6);
        Assert.Equal(3, e.PerType.Values.Sum(s => s.Predicted));
        Assert.Equal(2, e.PerType.Values.Sum(s => s.Gold));
    }

    [Fact]
    public void Type_change_inside_a_run_closes_the_span()
    {
        var gold = new[] { Gold("جامعة دمشق بيروت", "B-ORG I-ORG B-LOC") };
        // I-LOC after I-ORG opens a new LOC span, so both spans match.
        var pred = new[] { Pred("B-ORG I-ORG I-LOC") };

        var e = NerEvaluator.Score(gold, pred);

        Assert.Equal(100.0, e.MicroF1, 6);
        Assert.Equal(2, e.PerType["ORG"].Correct + e.PerType["LOC"].Correct);
    }

    [Fact]
    public void Mixed_results_give_the_harmonic_mean()
    {
        var gold = new[]
        {
            Gold("التقى خالد بسعاد في عمان", "O B-PERS B-PERS O B-LOC"),
            Gold("أصدرت منظمة الصحة بيانا", "O B-ORG I-ORG O"),
        };
        var pred = new[] { Pred("O B-PERS O O B-LOC"), Pred("O B-ORG I-ORG B-MISC") };

        var e = NerEvaluator.Score(gold, pred);

        // 3 correct of 4 predicted and 4 gold.
        Assert.Equal(75.0, e.MicroPrecision, 6);
        Assert.Equal(75.0, e.MicroRecall, 6);
        Assert.Equal(75.0, e.MicroF1, 6);
        Assert.Equal(50.0, e.PerType["PERS"].Recall, 6);
        Assert.Equal(100.0, e.PerType["PERS"].Precision, 6);
        Assert.Equal(100.0 * 2 / 3, e.PerType["PERS"].F1, 6);
    }

    [Fact]
    public void Misaligned_predictions_are_rejected()
    {
        var gold = new[] { Gold("زار حلب", "O B-LOC") };
        Assert.Throws<ArgumentException>(() => NerEvaluator.Score(gold, [Pred("O")]));
        Assert.Throws<ArgumentException>(() => NerEvaluator.Score(gold, []));
    }
}
