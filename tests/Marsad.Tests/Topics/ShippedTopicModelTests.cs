using Marsad.Analysis.Topics;

namespace Marsad.Tests.Topics;

public class ShippedTopicModelTests
{
    [Fact]
    public void LoadDefault_IsCachedAndKnowsTheSixTopics()
    {
        var model = TopicModel.LoadDefault();

        Assert.Same(model, TopicModel.LoadDefault());
        Assert.Equal(["culture", "economy", "internationalNews", "middleEast", "sport", "technology"], model.Labels);
    }

    [Fact]
    public void FootballMatchReport_IsSport()
    {
        var p = TopicModel.LoadDefault().Predict(
            "ريال مدريد يهزم برشلونة في الكلاسيكو",
            "فاز ريال مدريد على ضيفه برشلونة بهدفين مقابل هدف في المباراة التي جمعتهما مساء السبت ضمن الجولة العاشرة " +
            "من الدوري الإسباني، وسجل المهاجم الهدف الثاني في الدقيقة الثمانين بعد تمريرة من لاعب الوسط، " +
            "ليرفع الفريق رصيده إلى ثلاثين نقطة في صدارة الترتيب.");

        Assert.Equal("sport", p.Label);
        Assert.True(p.Confidence > 0.5, $"confidence {p.Confidence}");
    }

    [Fact]
    public void StockMarketPiece_IsEconomy()
    {
        var p = TopicModel.LoadDefault().Predict(
            "الأسهم تتراجع مع صعود عوائد السندات",
            "تراجعت مؤشرات الأسهم في البورصات العالمية اليوم الثلاثاء، وهبط المؤشر الرئيسي بنسبة واحد في المئة، " +
            "بعدما ارتفعت عوائد السندات وتزايدت توقعات المستثمرين برفع أسعار الفائدة، فيما صعد الدولار أمام العملات " +
            "الرئيسية وانخفضت أسعار النفط.");

        Assert.Equal("economy", p.Label);
        Assert.True(p.Confidence > 0.5, $"confidence {p.Confidence}");
    }

    [Fact]
    public void SmartphoneLaunch_IsTechnology()
    {
        var p = TopicModel.LoadDefault().Predict(
            "شركة تكشف عن هاتف ذكي جديد",
            "كشفت الشركة عن هاتفها الذكي الجديد الذي يعمل بنظام أندرويد ويضم كاميرا بدقة عالية ومعالجا أسرع، " +
            "إضافة إلى تطبيقات تعتمد على الذكاء الاصطناعي وبطارية تدوم يومين، ويطرح في الأسواق الشهر المقبل.");

        Assert.Equal("technology", p.Label);
    }
}
