using Lucene.Net.Analysis.Ar;
using Lucene.Net.Util;
using Marsad.Cli.Bench;
using Marsad.Text;

namespace Marsad.Tests.Text;

public class AnalyzerThroughputTests
{
    private static readonly string[] Bodies =
    [
        "أعلنت وزارة الصحة افتتاح مستشفى جديد في المدينة، وقال الوزير إن المستشفى يضم 200 سرير.",
        "فاز الفريق بالمباراة النهائية بثلاثة أهداف مقابل هدف، واحتفل اللاعبون مع جماهيرهم في الملعب.",
        "ارتفعت أسعار النفط ٣٫٥ في المئة بعد قرار الدول المنتجة خفض الإنتاج خلال الأشهر المقبلة.",
        "نشر الموقع www.example.org تقريراً عن الطقس، وتابعوا الوسم #الطقس للمزيد.",
    ];

    [Fact]
    public void Measure_counts_the_same_tokens_as_each_analyzer_on_its_own()
    {
        var result = AnalyzerThroughput.Measure(Bodies, threads: 1);

        var (terms, all) = AnalyzerThroughput.CountMarsad(new ArabicAnalyzerChain(), Bodies, 0, Bodies.Length);
        using var analyzer = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        var lucene = AnalyzerThroughput.CountLucene(analyzer, Bodies, 0, Bodies.Length);

        Assert.Equal(terms, result.MarsadTokens);
        Assert.Equal(all, result.MarsadAllTokens);
        Assert.Equal(lucene, result.LuceneTokens);
        Assert.True(result.MarsadTokens > 40 && result.LuceneTokens > 40);
        Assert.True(result.MarsadTokensPerSecond > 0 && result.LuceneTokensPerSecond > 0 && result.Ratio > 0);
    }

    [Fact]
    public void Partitioning_over_threads_does_not_change_the_counts()
    {
        var single = AnalyzerThroughput.Measure(Bodies, threads: 1);
        var parallel = AnalyzerThroughput.Measure(Bodies, threads: 3);
        Assert.Equal(3, parallel.Threads);
        Assert.Equal(single.MarsadTokens, parallel.MarsadTokens);
        Assert.Equal(single.LuceneTokens, parallel.LuceneTokens);
    }
}
