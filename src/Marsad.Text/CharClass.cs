namespace Marsad.Text;

/// <summary>Coarse character classes driving the tokenizer; looked up from a 64K table so classification costs one load.</summary>
internal enum CharClass : byte
{
    Space,
    ArabicLetter,
    /// <summary>Diacritics, tatweel and joiners: never start a word but stay inside one.</summary>
    ArabicMark,
    LatinLetter,
    AsciiDigit,
    ArabicDigit,
    Punctuation,
    Symbol,
    HighSurrogate,
    OtherLetter,
}
