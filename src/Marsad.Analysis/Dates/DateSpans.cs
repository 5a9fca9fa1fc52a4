using System.Globalization;

namespace Marsad.Analysis.Dates;

/// <summary>
/// Calendar arithmetic behind <see cref="DateExtractor"/>: weeks (Sunday to Saturday, see there), portions of a
/// period, Hijri conversion and the ISO value written for a span.
/// </summary>
internal static class DateSpans
{
    private static readonly UmAlQuraCalendar UmAlQura = new();

    public static DateOnly StartOfWeek(DateOnly day) => day.AddDays(-(int)day.DayOfWeek);

    public static (DateOnly From, DateOnly To) Week(DateOnly anchor, int offset)
    {
        var start = StartOfWeek(anchor).AddDays(7 * offset);
        return (start, start.AddDays(6));
    }

    public static (DateOnly From, DateOnly To) Month(int year, int month) =>
        (new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    public static (DateOnly From, DateOnly To) Year(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static DateOnly Shift(DateOnly anchor, DateUnit unit, int count) => unit switch
    {
        DateUnit.Day => anchor.AddDays(count),
        DateUnit.Week => anchor.AddDays(7 * count),
        DateUnit.Month => anchor.AddMonths(count),
        DateUnit.Year => anchor.AddYears(count),
        _ => anchor.AddYears(10 * count),
    };

    /// <summary>
    /// The early, middle or late part of a period. Months split into days 1–10, 11–20 and 21–end (the Arabic
    /// أوائل/أواسط/أواخر thirds); years into January–April, May–August, September–December; weeks into
    /// Sunday–Monday, Tuesday–Thursday and the Friday–Saturday weekend.
    /// </summary>
    public static (DateOnly From, DateOnly To) Portion(DateOnly from, DateOnly to, DatePrecision period, DatePortion part)
    {
        switch (period)
        {
            case DatePrecision.Week:
                return part switch
                {
                    DatePortion.Early => (from, from.AddDays(1)),
                    DatePortion.Middle => (from.AddDays(2), from.AddDays(4)),
                    _ => (from.AddDays(5), from.AddDays(6)),
                };
            case DatePrecision.Month:
                return part switch
                {
                    DatePortion.Early => (from, from.AddDays(9)),
                    DatePortion.Middle => (from.AddDays(10), from.AddDays(19)),
                    _ => (from.AddDays(20), to),
                };
            default:
                return part switch
                {
                    DatePortion.Early => (from, from.AddMonths(4).AddDays(-1)),
                    DatePortion.Middle => (from.AddMonths(4), from.AddMonths(8).AddDays(-1)),
                    _ => (from.AddMonths(8), to),
                };
        }
    }

    public static bool TryHijriDay(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (!InHijriRange(year) || month is < 1 or > 12 || day < 1 || day > UmAlQura.GetDaysInMonth(year, month)) return false;
        date = DateOnly.FromDateTime(UmAlQura.ToDateTime(year, month, day, 0, 0, 0, 0));
        return true;
    }

    public static bool TryHijriMonth(int year, int month, out DateOnly from, out DateOnly to)
    {
        from = to = default;
        if (!TryHijriDay(year, month, 1, out from)) return false;
        to = from.AddDays(UmAlQura.GetDaysInMonth(year, month) - 1);
        return true;
    }

    public static bool TryHijriYear(int year, out DateOnly from, out DateOnly to)
    {
        from = to = default;
        if (!TryHijriDay(year, 1, 1, out from)) return false;
        to = from.AddDays(UmAlQura.GetDaysInYear(year) - 1);
        return true;
    }

    public static int HijriYearOf(DateOnly day) => UmAlQura.GetYear(day.ToDateTime(TimeOnly.MinValue));

    // UmAlQuraCalendar's table covers 1318–1500 AH (1900–2077 CE); beyond it there is nothing to convert with.
    private static bool InHijriRange(int year) => year is > 1318 and < 1500;

    /// <summary>ISO 8601 for the span's midpoint at <paramref name="grain"/>: a day, an ISO week, a month or a year.</summary>
    public static string Value(DateOnly from, DateOnly to, DatePrecision grain)
    {
        var center = from.AddDays((to.DayNumber - from.DayNumber) / 2);
        var ci = CultureInfo.InvariantCulture;
        return grain switch
        {
            DatePrecision.Day => center.ToString("yyyy-MM-dd", ci),
            DatePrecision.Week => string.Create(ci, $"{ISOWeek.GetYear(center.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(center.ToDateTime(TimeOnly.MinValue)):D2}"),
            DatePrecision.Month => center.ToString("yyyy-MM", ci),
            _ => center.ToString("yyyy", ci),
        };
    }
}
