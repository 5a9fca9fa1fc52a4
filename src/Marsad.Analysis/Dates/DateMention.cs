namespace Marsad.Analysis.Dates;

/// <summary>
/// A date or time expression found in an article body: char offsets into the body (end exclusive), the text as
/// written, and the Gregorian interval it denotes (both ends inclusive). <see cref="Calendar"/> is the calendar the
/// text was written in (<c>gregorian</c> or <c>hijri</c>); From/To are always Gregorian. <see cref="Relative"/>
/// expressions were resolved against the article date; when the article has no date they stay unresolved, with
/// From, To and <see cref="Value"/> null, so a consumer can still see that the article speaks of "yesterday".
/// </summary>
public sealed record DateMention(
    int Start,
    int End,
    string Text,
    DateOnly? From,
    DateOnly? To,
    DatePrecision Precision,
    string Calendar,
    bool Relative)
{
    public const string Gregorian = "gregorian";
    public const string Hijri = "hijri";

    /// <summary>
    /// ISO 8601 at the expression's grain: <c>2018-02-13</c>, <c>2018-W06</c>, <c>2018-02</c>, <c>2016</c>;
    /// null when unresolved. Approximate spans are written at the grain of the unit they were counted in.
    /// </summary>
    public string? Value { get; init; }

    public bool Resolved => From is not null;
}
