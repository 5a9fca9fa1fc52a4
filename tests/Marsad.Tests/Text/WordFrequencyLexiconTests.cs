using Marsad.Text;

namespace Marsad.Tests.Text;

public class WordFrequencyLexiconTests
{
    [Fact]
    public void Build_counts_normalised_arabic_words_and_drops_rare_ones()
    {
        var texts = new[]
        {
            "أعلنت الوزارةُ عن خطة جديدة.",
            "اعلنت الوزارة خطة للطرق، وقالت إن الخطة تبدأ 2020.",
            "الخطة الجديدة NEWS",
        };
        using var stream = new MemoryStream();
        WordFrequencyLexicon.Build(texts, stream, minCount: 2);
        stream.Position = 0;
        var lexicon = WordFrequencyLexicon.Load(stream);

        Assert.Equal(2, lexicon.Frequency("اعلنت"));
        Assert.Equal(2, lexicon.Frequency("الوزارة"));
        Assert.Equal(2, lexicon.Frequency("خطة"));
        Assert.Equal(2, lexicon.Frequency("الخطة"));
        Assert.Equal(0, lexicon.Frequency("للطرق"));
        Assert.Equal(0, lexicon.Frequency("news"));
        Assert.Equal(0, lexicon.Frequency("2020"));
        Assert.Equal(4, lexicon.Count);
    }

    [Fact]
    public void Build_is_deterministic()
    {
        var texts = new[] { "سوق سوق سعر سعر سلعة", "سلعة سعر سوق" };
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        WordFrequencyLexicon.Build(texts, first, minCount: 1);
        WordFrequencyLexicon.Build(texts, second, minCount: 1);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Embedded_lexicon_is_loaded_and_knows_common_news_words()
    {
        var lexicon = WordFrequencyLexicon.Default;
        Assert.True(lexicon.Count > 100_000, $"only {lexicon.Count} types");
        Assert.True(lexicon.Frequency("في") > lexicon.Frequency("مدينة"));
        Assert.True(lexicon.Frequency("مدينة") > 0);
        Assert.Equal(0, lexicon.Frequency("قزطبلم"));
    }
}
