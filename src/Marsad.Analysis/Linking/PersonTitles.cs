using System.Collections.Frozen;
using Marsad.Analysis.Places;

namespace Marsad.Analysis.Linking;

/// <summary>
/// Titles and roles written before a person's name in Arabic news (team-written). A role phrase seen right before
/// a name (اللواء المتقاعد خليفة حفتر) lets later bare uses of the same phrase (قوات اللواء المتقاعد) link to that person.
/// </summary>
public static class PersonTitles
{
    private static readonly string[] Phrases =
    [
        "الرئيس", "الرئيس السابق", "الرئيس المخلوع", "الرئيس الراحل", "رئيس الوزراء", "رئيس الحكومة", "رئيس البرلمان",
        "رئيس مجلس النواب", "رئيس المجلس الرئاسي", "الملك", "الأمير", "ولي العهد", "السلطان", "الشيخ", "الأمين العام",
        "وزير الخارجية", "وزير الدفاع", "وزير الداخلية", "وزير المالية", "المبعوث الأممي", "المبعوث الأممي الخاص",
        "المشير", "اللواء", "اللواء المتقاعد", "الفريق", "الفريق أول", "العقيد", "العقيد الراحل", "العميد", "الجنرال",
        "القائد العام", "الزعيم", "المرشد", "الدكتور", "السيد", "السيدة", "النائب",
    ];

    /// <summary>The phrases as <see cref="PlaceNames.Key"/>s.</summary>
    public static FrozenSet<string> Keys { get; } = Phrases.Select(PlaceNames.Key).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The most words in a phrase (a demonym after it, as in الرئيس المصري, adds one more).</summary>
    public static int MaxWords { get; } = Keys.Max(k => PlaceNames.Words(k).Length);
}
