namespace Marsad.Analysis.Keywords;

/// <summary>One word of an article as keyword extraction sees it.</summary>
/// <param name="Stem">Id of the light stem in the article's <see cref="KeywordText"/>: the grouping key across clitic and inflection variants.</param>
/// <param name="Start">Where the written word starts in the text.</param>
/// <param name="Length">Length of the written word.</param>
/// <param name="SurfaceCut">Characters of the written word before its surface form: the one-letter proclitics و/ف/ب/ك/ل/س (the article ال stays).</param>
/// <param name="ShortArticle">ل + ال written لل: the surface form restores the article's alif.</param>
/// <param name="Definite">Carries the article; drives the noun–adjective / construct pattern check.</param>
/// <param name="HasEnclitic">Ends in an attached pronoun; such forms are shown only when nothing cleaner occurs.</param>
/// <param name="Joined">The previous word is directly before this one (no punctuation, stop word or sentence break in between).</param>
internal readonly record struct KeywordWord(int Stem, int Start, int Length, int SurfaceCut, bool ShortArticle, bool Definite, bool HasEnclitic, bool Joined);
