namespace Marsad.Analysis.Entities;

/// <summary>One sentence of a CoNLL file: whitespace tokens and their BIO tags, aligned by index.</summary>
public sealed record ConllSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags)
{
    public int Count => Tokens.Count;
}
