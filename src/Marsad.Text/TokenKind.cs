namespace Marsad.Text;

/// <summary>What a <see cref="Token"/> covers.</summary>
public enum TokenKind : byte
{
    ArabicWord,
    LatinWord,
    Number,
    Punctuation,
    Url,
    Email,
    Hashtag,
    Mention,
    Symbol,
}
