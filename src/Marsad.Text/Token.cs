namespace Marsad.Text;

/// <summary>A span of the original text; offsets always refer to the text given to the <see cref="Tokenizer"/>.</summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <summary>Words, numbers, hashtags, mentions, URLs and e-mails: the tokens that carry content for indexing.</summary>
    public bool IsContent => Kind is not (TokenKind.Punctuation or TokenKind.Symbol);
}
