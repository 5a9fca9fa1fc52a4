using Marsad.Analysis;
using Marsad.Analysis.Reading;

namespace Marsad.Tests.Reading;

/// <summary>Small articles written for these tests, and helpers to read in-memory inputs.</summary>
public static class Samples
{
    public const string Title = "افتتاح معرض الكتاب في مدينة صفاقس وسط إقبال كبير";

    public const string Body =
        "افتتحت وزارة الثقافة صباح اليوم الدورة الجديدة لمعرض الكتاب بمشاركة مئة دار نشر من عشرين بلدا.\n" +
        "وقال مدير المعرض إن البرنامج يتضمن ندوات فكرية وأمسيات شعرية طوال أسبوعين.";

    public const string SecondTitle = "الفريق المحلي يفوز بالكأس بعد مباراة مثيرة";

    public const string SecondBody = "سجل المهاجم هدفين في الشوط الثاني ليقود فريقه إلى اللقب للمرة الثالثة.";

    public static string PlainArticle(string dateLine) => $"{Title}\n\n{dateLine}\n\n{Body}\n";

    public static List<ReadResult> Read(byte[] bytes, string origin) =>
        ArticleReader.ReadStream(new MemoryStream(bytes), origin).ToList();

    public static List<ReadResult> Read(string text, string origin) =>
        Read(System.Text.Encoding.UTF8.GetBytes(text), origin);

    public static Article Single(IEnumerable<ReadResult> results)
    {
        var r = Assert.Single(results);
        Assert.True(r.Error is null, r.Error?.ToString());
        return r.Article!;
    }
}
