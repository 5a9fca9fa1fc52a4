namespace Marsad.Analysis.Dates;

/// <summary>
/// A match found at a token: <see cref="End"/> is the token index after it; <see cref="Reject"/> marks a span
/// shaped like a date that is not one (31/02/2018), consumed so no part of it is read as something else.
/// <see cref="Grain"/> is the unit its ISO value is written in.
/// </summary>
internal readonly record struct DateHit(
    int End,
    DateOnly? From,
    DateOnly? To,
    DatePrecision Precision,
    DatePrecision Grain,
    bool Hijri = false,
    bool Relative = false,
    bool Reject = false)
{
    public static DateHit Rejected(int end) => new(end, null, null, DatePrecision.Day, DatePrecision.Day, Reject: true);
}
