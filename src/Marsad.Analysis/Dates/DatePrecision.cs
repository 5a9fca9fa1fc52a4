namespace Marsad.Analysis.Dates;

/// <summary>How exactly a <see cref="DateMention"/> pins its time down; the interval From..To says where.</summary>
public enum DatePrecision
{
    /// <summary>One calendar day (From == To).</summary>
    Day,

    /// <summary>A week or a named part of one (the Friday–Saturday weekend).</summary>
    Week,

    /// <summary>A whole calendar month.</summary>
    Month,

    /// <summary>A whole calendar year.</summary>
    Year,

    /// <summary>A vague span: "قبل أيام", "منذ نحو عامين", "مطلع الشهر الماضي".</summary>
    Approximate,
}
