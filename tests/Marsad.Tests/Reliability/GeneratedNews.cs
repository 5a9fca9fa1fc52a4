using System.Text;
using System.Text.Json;

namespace Marsad.Tests.Reliability;

/// <summary>
/// Distinct short Arabic articles written from a template, one city in four each, so a search for a city has a
/// known total. Used where a test needs many articles fast (crash, kill and load tests).
/// </summary>
public static class GeneratedNews
{
    public static readonly string[] Cities = ["درنة", "سرت", "مصراتة", "طبرق"];

    public static Dictionary<string, string> Record(int i, string tag = "") => new()
    {
        ["title"] = $"تقرير رقم {i}{tag} عن الأوضاع في {Cities[i % 4]}",
        ["date"] = $"2018-0{1 + i % 9}-1{i % 10}",
        ["source"] = "مولد",
        ["body"] = $"قال مسؤولون في مدينة {Cities[i % 4]} إن الاجتماع رقم {i}{tag} ناقش الخدمات العامة والكهرباء والمياه. " +
                   $"وأضافوا أن اللجنة ستعرض تقريرها بعد {i % 30 + 1} يوما على المجلس البلدي.",
    };

    public static string JsonLine(int i, string tag = "") => JsonSerializer.Serialize(Record(i, tag));

    /// <summary>Writes articles <paramref name="from"/>..<paramref name="to"/> (exclusive) as JSON Lines.</summary>
    public static string WriteJsonLines(string path, int from, int to, string tag = "")
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var i = from; i < to; i++) writer.WriteLine(JsonLine(i, tag));
        return path;
    }
}
