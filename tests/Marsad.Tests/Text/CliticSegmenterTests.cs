using Marsad.Text;

namespace Marsad.Tests.Text;

public class CliticSegmenterTests
{
    private static (string Proclitics, string Base, string Enclitic, CliticSegmentation Segmentation) Split(string word)
    {
        var normalized = ArabicNormalizer.Normalize(word);
        var s = CliticSegmenter.Default.Segment(normalized);
        return (normalized[..s.ProcliticLength], s.Base(normalized).ToString(), normalized[(normalized.Length - s.EncliticLength)..], s);
    }

    [Fact]
    public void Conjunction_preposition_and_article_are_all_split()
    {
        var (proclitics, stem, enclitic, s) = Split("وبالمدينة");
        Assert.Equal(("وبال", "مدينة", ""), (proclitics, stem, enclitic));
        Assert.Equal(Proclitics.Wa | Proclitics.Bi | Proclitics.Al, s.Proclitics);
        Assert.Equal(Enclitic.None, s.Enclitic);
    }

    [Fact]
    public void Preposition_before_a_name()
    {
        var (proclitics, stem, _, s) = Split("لحفتر");
        Assert.Equal(("ل", "حفتر"), (proclitics, stem));
        Assert.Equal(Proclitics.Li, s.Proclitics);
    }

    [Fact]
    public void Pronoun_enclitic()
    {
        var (proclitics, stem, enclitic, s) = Split("كتابهم");
        Assert.Equal(("", "كتاب", "هم"), (proclitics, stem, enclitic));
        Assert.Equal(Enclitic.Hum, s.Enclitic);
    }

    [Theory]
    [InlineData("وللمدرسة", "ولل", "مدرسة", "")]
    [InlineData("فالطلاب", "فال", "طلاب", "")]
    [InlineData("وسيعلن", "وس", "يعلن", "")]
    [InlineData("منها", "", "من", "ها")]
    [InlineData("حكومتها", "", "حكومت", "ها")]
    [InlineData("بيتنا", "", "بيت", "نا")]
    [InlineData("ومنازلهم", "و", "منازل", "هم")]
    [InlineData("وكانت", "و", "كانت", "")]
    [InlineData("والعاصمة", "وال", "عاصمة", "")]
    public void Common_clitic_combinations(string word, string proclitics, string stem, string enclitic)
    {
        var (p, b, e, _) = Split(word);
        Assert.Equal((proclitics, stem, enclitic), (p, b, e));
    }

    [Theory]
    [InlineData("ولد")]
    [InlineData("بلاد")]
    [InlineData("كتاب")]
    [InlineData("فيلم")]
    [InlineData("والد")]
    [InlineData("لبنان")]
    [InlineData("بيروت")]
    [InlineData("كامل")]
    [InlineData("وزير")]
    [InlineData("كانت")]
    [InlineData("الله")]
    [InlineData("الذي")]
    [InlineData("فكرة")]
    [InlineData("سياسة")]
    [InlineData("ألمانيا")]
    [InlineData("دولي")]
    [InlineData("وجه")]
    public void Real_words_that_start_or_end_like_clitics_stay_whole(string word)
    {
        var (_, _, _, s) = Split(word);
        Assert.False(s.HasClitics, $"{word} was split: {s}");
    }

    [Fact]
    public void Unseen_forms_segment_through_their_known_base()
    {
        // Neither the whole word nor the form without و is likely in any corpus; the base مدينة is.
        var (proclitics, stem, enclitic, _) = Split("وبمدينتهم");
        Assert.Equal(("وب", "مدينت", "هم"), (proclitics, stem, enclitic));
    }

    [Fact]
    public void Short_or_empty_input_is_left_alone()
    {
        Assert.False(CliticSegmenter.Default.Segment("").HasClitics);
        Assert.False(CliticSegmenter.Default.Segment("ول").HasClitics);
    }

    [Fact]
    public void A_custom_lexicon_drives_the_decisions()
    {
        // A lexicon that knows only these words: the decision to split follows it, not a built-in list.
        using var stream = new MemoryStream();
        WordFrequencyLexicon.Build(Enumerable.Repeat("قلم قلم قلم ورقة ورقة ورقة", 3), stream, minCount: 1);
        stream.Position = 0;
        var segmenter = new CliticSegmenter(WordFrequencyLexicon.Load(stream));
        Assert.Equal(Proclitics.Bi, segmenter.Segment("بقلم").Proclitics);
        Assert.False(segmenter.Segment("بحبر").HasClitics);
    }
}
