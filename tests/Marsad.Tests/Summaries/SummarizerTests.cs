using Marsad.Analysis.Keywords;
using Marsad.Analysis.Sentences;
using Marsad.Analysis.Summaries;

namespace Marsad.Tests.Summaries;

/// <summary>Sentence selection on a short hand-written report.</summary>
public sealed class SummarizerTests
{
    private const string Title = "فيضانات تضرب المدينة الساحلية";

    private const string Body =
        "ضربت فيضانات عنيفة المدينة الساحلية صباح أمس بعد أمطار غزيرة استمرت يومين. " +
        "وغمرت المياه أحياء المدينة القديمة وأغلقت الطرق الرئيسية أمام السيارات. " +
        "وقال مسؤول في الدفاع المدني إن فرق الإنقاذ أجلت مئات السكان من منازلهم. " +
        "وتعهدت الحكومة بإرسال مساعدات عاجلة إلى المتضررين من الفيضانات خلال أيام. " +
        "وطالب السكان بتعويضات عن الأضرار التي لحقت بالمحلات والمدارس والمستشفيات. " +
        "ويتوقع خبراء الأرصاد استمرار الأمطار حتى نهاية الأسبوع المقبل في المنطقة.";

    private static readonly KeywordStatistics Statistics = new(100, new Dictionary<string, int>(StringComparer.Ordinal));

    private static IReadOnlyList<SentenceSpan> Sentences() => SentenceSplitter.Default.Split(Body);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Summary_has_the_requested_number_of_sentences_in_text_order(int count)
    {
        var sentences = Sentences();
        Assert.Equal(6, sentences.Count);
        var summarizer = new Summarizer(Statistics, SummarizerOptions.Default with { SentenceCount = count });

        var summary = summarizer.Summarize(Title, Body, sentences);

        Assert.Equal(count, summary.Sentences.Count);
        Assert.Equal(summary.Sentences.Order(), summary.Sentences);
        Assert.Equal(string.Join(" ", summary.Sentences.Select(i => sentences[i].Text(Body).Trim())), summary.Text);
        // News puts the essentials first, and the first sentence here is also the one closest to the title.
        Assert.Equal(0, summary.Sentences[0]);
    }

    [Fact]
    public void A_text_with_fewer_sentences_than_asked_is_its_own_summary()
    {
        const string body = "ضربت فيضانات عنيفة المدينة الساحلية صباح أمس. وغمرت المياه أحياء المدينة القديمة كلها.";
        var sentences = SentenceSplitter.Default.Split(body);

        var summary = new Summarizer(Statistics).Summarize(Title, body, sentences);

        Assert.Equal([0, 1], summary.Sentences);
    }

    [Fact]
    public void Without_position_and_length_the_sentence_closest_to_the_title_and_the_rest_wins()
    {
        var options = new SummarizerOptions { SentenceCount = 1, PositionWeight = 0, LengthWeight = 0, CentralityWeight = 0, TitleWeight = 1 };

        var summary = new Summarizer(Statistics, options).Summarize("أمطار غزيرة في المنطقة حتى نهاية الأسبوع", Body, Sentences());

        Assert.Equal([5], summary.Sentences);
    }

    [Fact]
    public void Lead_takes_the_first_sentences()
    {
        var sentences = Sentences();

        var lead = Summarizer.Lead(Body, sentences, 3);

        Assert.Equal([0, 1, 2], lead.Sentences);
        Assert.StartsWith("ضربت فيضانات", lead.Text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Sentence_count_outside_one_to_five_is_rejected(int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Summarizer(Statistics, new SummarizerOptions { SentenceCount = count }));
}
