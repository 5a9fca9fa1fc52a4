namespace Marsad.Analysis.Keywords;

/// <summary>One word of an article as keyword extraction sees it.</summary>
/// <param name="Stem">Light stem, the grouping key across clitic and inflection variants.</param>
/// <param name="Surface">The word as written, with و/ف/ب/ك/ل/س removed but the article ال kept.</param>
/// <param name="Definite">Carries the article; drives the noun–adjective / construct pattern check.</param>
/// <param name="HasEnclitic">Ends in an attached pronoun; such forms are shown only when nothing cleaner occurs.</param>
/// <param name="Sentence">Index of the sentence the word is in.</param>
/// <param name="Joined">The previous word is directly before this one (no punctuation, stop word or sentence break in between).</param>
internal readonly record struct KeywordWord(string Stem, string Surface, bool Definite, bool HasEnclitic, int Sentence, bool Joined);
