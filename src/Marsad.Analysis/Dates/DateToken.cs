namespace Marsad.Analysis.Dates;

/// <summary>
/// A token of the body as the date extractor sees it: a word (letters, diacritics, tatweel), a run of digits
/// (any script, with its value and length), or one other non-space char.
/// </summary>
internal readonly record struct DateToken(int Start, int End, DateTokenShape Shape, int Number = 0, int Digits = 0);
