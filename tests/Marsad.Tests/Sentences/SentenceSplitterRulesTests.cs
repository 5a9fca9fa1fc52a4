using Marsad.Analysis.Sentences;

namespace Marsad.Tests.Sentences;

public class SentenceSplitterRulesTests
{
    private static string[] Sentences(string body)
    {
        var spans = SentenceSplitter.Default.Split(body);
        var texts = new string[spans.Count];
        for (var i = 0; i < spans.Count; i++) texts[i] = spans[i].Text(body);
        return texts;
    }

    [Fact]
    public void DecimalNumberDoesNotEndSentence()
    {
        Assert.Equal(
            ["ارتفع المؤشر بنسبة 3.5 في المئة أمس.", "وتراجع الدولار قليلا."],
            Sentences("ارتفع المؤشر بنسبة 3.5 في المئة أمس. وتراجع الدولار قليلا."));
    }

    [Fact]
    public void ArabicAndLatinInitialsDoNotEndSentence()
    {
        Assert.Equal(
            ["التقى د. أحمد بالوزير صباح اليوم.", "ثم غادر إلى المطار."],
            Sentences("التقى د. أحمد بالوزير صباح اليوم. ثم غادر إلى المطار."));
        Assert.Equal(
            ["نقل الكاتب عن John F. Kennedy عبارته الشهيرة.", "وما زالت تتردد حتى اليوم."],
            Sentences("نقل الكاتب عن John F. Kennedy عبارته الشهيرة. وما زالت تتردد حتى اليوم."));
    }

    [Fact]
    public void ArabicQuestionMarkAndExclamationEndSentences()
    {
        Assert.Equal(
            ["هل ستنعقد القمة في موعدها؟", "لا أحد يعرف حتى الآن!", "لكن التحضيرات مستمرة."],
            Sentences("هل ستنعقد القمة في موعدها؟ لا أحد يعرف حتى الآن! لكن التحضيرات مستمرة."));
    }

    [Fact]
    public void UrlKeepsItsDotsAndQuestionMark()
    {
        Assert.Equal(
            ["نشرت الوزارة البيان على www.example.com/news?id=5 مساء أمس.", "وأكد المتحدث صحته."],
            Sentences("نشرت الوزارة البيان على www.example.com/news?id=5 مساء أمس. وأكد المتحدث صحته."));
    }

    [Fact]
    public void LineBreakEndsSentenceAndStandalonePunctuationStaysWithItsWord()
    {
        Assert.Equal(
            ["أخبار الطقس", "تهطل أمطار غزيرة على الساحل .", "وتنخفض الحرارة ليلا"],
            Sentences("أخبار الطقس\r\n\r\nتهطل أمطار غزيرة على الساحل . وتنخفض الحرارة ليلا\n"));
    }

    [Fact]
    public void MissingSpaceAfterFullStopStillSplits()
    {
        Assert.Equal(
            ["انتهى الاجتماع في العاشرة.", "وبدأ المؤتمر الصحفي بعده."],
            Sentences("انتهى الاجتماع في العاشرة.وبدأ المؤتمر الصحفي بعده."));
    }

    [Fact]
    public void ShortEllipsisInsideQuotedSpeechDoesNotSplit()
    {
        Assert.Equal(
            ["أجاب \"نعم.. سنفوز\" بثقة كبيرة.", "وصفق الجمهور."],
            Sentences("أجاب \"نعم.. سنفوز\" بثقة كبيرة. وصفق الجمهور."));
    }

    [Fact]
    public void SpansPointIntoTheBody()
    {
        const string body = "  بدأت المباراة متأخرة.   وانتهت بالتعادل.  ";
        var spans = SentenceSplitter.Default.Split(body);
        Assert.Equal([new SentenceSpan(2, 23), new SentenceSpan(26, 42)], spans);
    }

    [Fact]
    public void EmptyBodyHasNoSentences()
    {
        Assert.Empty(SentenceSplitter.Default.Split(" \n\t "));
    }
}
