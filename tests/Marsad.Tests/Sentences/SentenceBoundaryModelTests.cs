using Marsad.Analysis.Sentences;

namespace Marsad.Tests.Sentences;

public class SentenceBoundaryModelTests
{
    // Written for these tests: short punctuated news paragraphs whose sentences often open with a conjunction.
    private static readonly string[] Bodies =
    [
        "افتتح الوزير المعرض الدولي للكتاب صباح اليوم. وقال إن المعرض يضم آلاف العناوين الجديدة. وأضاف أن الزوار يأتون من كل المدن.\nوتستمر فعاليات المعرض أسبوعا كاملا.",
        "سجلت البورصة ارتفاعا ملحوظا في تعاملات الأمس. وأرجع المحللون ذلك إلى نتائج الشركات الكبرى. كما توقعوا استمرار الصعود خلال الشهر المقبل.",
        "عقد المجلس البلدي جلسته الأسبوعية في المقر الرئيسي. وناقش الأعضاء خطة تطوير الطرق الداخلية. وأكد رئيس المجلس أن التنفيذ يبدأ قريبا.",
        "فاز الفريق المحلي على ضيفه بهدفين دون مقابل. وسجل المهاجم الهدف الأول في الشوط الأول. ثم أضاف زميله الهدف الثاني قبل النهاية بدقائق.",
        "أعلنت الشركة عن هاتف جديد بمواصفات متقدمة. وقالت إن الهاتف يطرح في الأسواق الشهر المقبل. وأضافت أن سعره سيكون مناسبا للشباب.",
    ];

    private const string Unpunctuated =
        "افتتح الوزير المعرض الدولي للكتاب صباح اليوم وسط حضور كبير من الناشرين والكتاب والقراء من مختلف المدن " +
        "وقال إن المعرض يضم آلاف العناوين الجديدة في الأدب والتاريخ والعلوم ويشارك فيه ناشرون من عشرين بلدا " +
        "وأضاف أن الوزارة خصصت قاعات للأطفال وورشا للكتابة ومسابقات للقراءة طوال أيام المعرض " +
        "وتستمر الفعاليات أسبوعا كاملا على أن تختتم بحفل لتوزيع الجوائز على الفائزين في المسابقات " +
        "كما أعلنت إدارة المعرض عن تمديد ساعات الزيارة في عطلة نهاية الأسبوع لاستيعاب الأعداد المتزايدة من الزوار";

    private static SentenceBoundaryModel TrainSmall() =>
        SentenceBoundaryModel.Train(Bodies, SentenceTrainingOptions.Default with { HashBits = 16, MinFeatureCount = 1, Epochs = 4, WordClasses = 8 });

    private static int WordCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var _ in text.Split(' '))
        {
            count++;
        }
        return count;
    }

    [Fact]
    public void UnpunctuatedTextIsCutWithinLengthLimits()
    {
        var splitter = new SentenceSplitter(SentenceBoundaryModel.LoadDefault(), new SentenceSplitterOptions { MaxWords = 20, MinWords = 4 });
        var sentences = splitter.Split(Unpunctuated);
        Assert.True(sentences.Count >= 4, $"only {sentences.Count} sentences");
        var totalWords = 0;
        var previousEnd = 0;
        foreach (var sentence in sentences)
        {
            var words = WordCount(sentence.Slice(Unpunctuated));
            Assert.InRange(words, 4, 20);
            Assert.True(sentence.Start >= previousEnd);
            totalWords += words;
            previousEnd = sentence.End;
        }
        Assert.Equal(WordCount(Unpunctuated), totalWords);
        Assert.Equal(Unpunctuated.Length, previousEnd);
    }

    [Fact]
    public void ShippedModelStartsSentencesAtClearOpeners()
    {
        var sentences = SentenceSplitter.Default.Split(Unpunctuated);
        var starts = new List<string>();
        foreach (var sentence in sentences) starts.Add(Unpunctuated[sentence.Start..].Split(' ')[0]);
        Assert.Contains("وقال", starts);
        Assert.Contains("كما", starts);
    }

    [Fact]
    public void SaveAndLoadGiveIdenticalPredictions()
    {
        var model = TrainSmall();
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = SentenceBoundaryModel.Load(stream);

        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        Assert.True(model.FeatureCount > 0);
        Assert.Equal(model.BoundaryBias, loaded.BoundaryBias);
        var options = new SentenceSplitterOptions { MaxWords = 24, MinWords = 3 };
        var before = new SentenceSplitter(model, options).Split(Unpunctuated);
        var after = new SentenceSplitter(loaded, options).Split(Unpunctuated);
        Assert.True(before.Count > 1);
        Assert.Equal(before, after);

        using var again = new MemoryStream();
        loaded.Save(again);
        Assert.Equal(stream.ToArray(), again.ToArray());
    }

    [Fact]
    public void StackedModelSavesAndLoadsWithIdenticalPredictions()
    {
        var model = SentenceBoundaryModel.Train(Bodies, SentenceTrainingOptions.Default with { HashBits = 16, MinFeatureCount = 1, Epochs = 4, WordClasses = 8, StackFolds = 2 });
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = SentenceBoundaryModel.Load(stream);

        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        var options = new SentenceSplitterOptions { MaxWords = 24, MinWords = 3 };
        Assert.Equal(new SentenceSplitter(model, options).Split(Unpunctuated), new SentenceSplitter(loaded, options).Split(Unpunctuated));
    }

    [Fact]
    public void TrainingIsDeterministic()
    {
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        TrainSmall().Save(first);
        TrainSmall().Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void LoadRejectsForeignData()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        Assert.Throws<InvalidDataException>(() => SentenceBoundaryModel.Load(stream));
    }

    [Fact]
    public void EvaluatorCountsBoundariesMarkedByPunctuationAndLines()
    {
        var evaluation = SentenceBoundaryEvaluator.Evaluate(SentenceBoundaryModel.LoadDefault(), Bodies);

        // Each body has as many sentences as full stops; the last one ends the article and is no decision.
        Assert.Equal(Bodies.Length, evaluation.Articles);
        Assert.Equal(4 + 3 + 3 + 3 + 3 - Bodies.Length, evaluation.GoldBoundaries);
        Assert.Equal(evaluation.PredictedBoundaries - evaluation.TruePositives, evaluation.FalsePositives);
        Assert.InRange(evaluation.TruePositives, 1, evaluation.GoldBoundaries);
        Assert.InRange(evaluation.F1, 0.01, 1.0);
        Assert.Equal(2 * evaluation.Precision * evaluation.Recall / (evaluation.Precision + evaluation.Recall), evaluation.F1, 12);
    }

    [Fact]
    public void SplitterRejectsLimitsThatCannotBeMet()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SentenceSplitter(SentenceBoundaryModel.LoadDefault(), new SentenceSplitterOptions { MaxWords = 5, MinWords = 3 }));
    }
}
