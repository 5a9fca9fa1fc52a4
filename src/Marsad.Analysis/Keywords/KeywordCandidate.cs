namespace Marsad.Analysis.Keywords;

/// <summary>A phrase of an article: how many words it has, where it first occurs and how often.</summary>
internal readonly record struct KeywordCandidate(int Length, int FirstWord, int Count);
