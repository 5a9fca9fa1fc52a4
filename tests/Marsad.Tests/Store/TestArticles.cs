using System.Globalization;
using System.Text;
using Marsad.Store;

namespace Marsad.Tests.Store;

/// <summary>Builds Arabic articles written for these tests, so store tests never depend on shared data.</summary>
internal static class TestArticles
{
    private static readonly string[] Titles =
    [
        "افتتاح معرض الكتاب الدولي في العاصمة بمشاركة واسعة",
        "ارتفاع أسعار الذهب في الأسواق المحلية خلال الأسبوع",
        "وزارة الصحة تطلق حملة للتطعيم في المدارس",
        "المنتخب الوطني يتأهل إلى الدور النهائي بعد فوز صعب",
    ];

    private const string Paragraph =
        "قال مسؤولون في المدينة إن الأعمال ستستمر حتى نهاية الشهر المقبل، وأكدوا أن الطرق الرئيسية ستبقى مفتوحة " +
        "أمام حركة السير. وأضاف المتحدث باسم البلدية أن المشروع يهدف إلى تحسين الخدمات المقدمة للسكان، " +
        "مشيرا إلى أن الميزانية المخصصة له بلغت عشرين مليون دينار. ";

    public static StoredArticle Make(string id, int variant = 0, int bodyBytes = 0)
    {
        var title = Titles[variant % Titles.Length];
        var body = bodyBytes <= 0 ? Paragraph : Repeat(Paragraph, bodyBytes);
        return new StoredArticle(
            Id: id,
            Title: title,
            Date: new DateOnly(2024, 1 + variant % 12, 1 + variant % 28),
            Body: body,
            Source: "صحيفة الأخبار",
            Url: $"https://news.example/ar/{Uri.EscapeDataString(id)}",
            Category: "محليات",
            Abstract: "ملخص قصير للخبر",
            Origin: $"tests/articles.jsonl#{variant.ToString(CultureInfo.InvariantCulture)}",
            AnalysisJson: $$"""{"tokens":{{variant}},"people":["أحمد"],"places":["عمّان"]}""");
    }

    public static List<StoredArticle> Range(string prefix, int start, int count, int bodyBytes = 0) =>
        Enumerable.Range(start, count)
            .Select(i => Make($"{prefix}-{i.ToString("D6", CultureInfo.InvariantCulture)}", i, bodyBytes))
            .ToList();

    private static string Repeat(string text, int minimumUtf8Bytes)
    {
        var builder = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(builder.ToString()) < minimumUtf8Bytes) builder.Append(text);
        return builder.ToString();
    }
}
