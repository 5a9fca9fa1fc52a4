using Marsad.Analysis.Keywords;
using Marsad.Analysis.Summaries;

namespace Marsad.Tests.Summaries;

public class SentenceVectorsTests
{
    [Fact]
    public void Same_words_are_cosine_one_and_disjoint_words_zero()
    {
        var vectors = SentenceVectors.ForCurrentThread();
        var a = vectors.Add("ارتفعت أسعار النفط في الأسواق العالمية", KeywordStatistics.Default, out var words);
        var b = vectors.Add("الأسواق العالمية ارتفعت فيها أسعار النفط", KeywordStatistics.Default, out _);
        var c = vectors.Add("فاز المنتخب بالمباراة النهائية", KeywordStatistics.Default, out _);

        Assert.True(words >= 4);
        Assert.Equal(1.0, vectors.Cosine(a, b), 9);
        Assert.Equal(1.0, vectors.Cosine(a, a), 9);
        Assert.Equal(0.0, vectors.Cosine(a, c));
    }

    [Fact]
    public void Repeated_words_weigh_more_and_a_new_article_starts_empty()
    {
        var vectors = SentenceVectors.ForCurrentThread();
        var once = vectors.Add("النفط والذهب", KeywordStatistics.Default, out _);
        var twice = vectors.Add("النفط النفط والذهب", KeywordStatistics.Default, out _);
        var oil = vectors.Add("النفط", KeywordStatistics.Default, out _);
        Assert.True(vectors.Cosine(twice, oil) > vectors.Cosine(once, oil));
        Assert.Equal(2, vectors.Count(twice));

        var next = SentenceVectors.ForCurrentThread();
        var first = next.Add("الذهب", KeywordStatistics.Default, out _);
        Assert.Equal(0, first);
        Assert.Equal(1, next.Count(first));
    }
}
