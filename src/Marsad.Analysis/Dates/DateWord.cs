namespace Marsad.Analysis.Dates;

/// <summary>
/// A classified word: its <see cref="Kind"/>, a value (month, weekday, unit, number, portion) and a count
/// (1 for a singular unit noun, 2 for a dual, 0 for a plural that leaves the number vague).
/// </summary>
internal readonly record struct DateWord(DateWordKind Kind, int Value = 0, int Count = 0)
{
    public static readonly DateWord None = default;
}
