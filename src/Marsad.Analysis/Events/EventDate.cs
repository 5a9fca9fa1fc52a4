namespace Marsad.Analysis.Events;

/// <summary>
/// When an event happened. <see cref="Basis"/> says where the date comes from: <c>text</c> (a date expression near
/// the trigger, <see cref="Text"/>), <c>before</c> (the text says it happened earlier, so only an upper bound: the day
/// before the article) or <c>reported</c> (nothing in the text; the article's date, as ACLED codes undated reports).
/// </summary>
public sealed record EventDate(string? Value, DateOnly? From, DateOnly? To, string? Text, string Basis)
{
    public const string FromText = "text";
    public const string Before = "before";
    public const string Reported = "reported";
}
