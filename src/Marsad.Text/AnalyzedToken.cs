namespace Marsad.Text;

/// <summary>
/// One token after the whole chain. The spans point into the analyzer's reusable buffer and stay valid only until
/// the enumerator moves on; copy them (<c>ToString()</c>) to keep them.
/// </summary>
public readonly ref struct AnalyzedToken
{
    internal AnalyzedToken(Token token, ReadOnlySpan<char> normalized, ReadOnlySpan<char> stem, CliticSegmentation clitics, bool isStopWord)
    {
        Token = token;
        Normalized = normalized;
        Stem = stem;
        Clitics = clitics;
        IsStopWord = isStopWord;
    }

    /// <summary>Position and kind in the original text.</summary>
    public Token Token { get; }

    /// <summary>The token normalised with the chain's options (whole word, clitics included).</summary>
    public ReadOnlySpan<char> Normalized { get; }

    /// <summary>The index term: the light stem of the clitic-free base for Arabic words, the normalised form otherwise.</summary>
    public ReadOnlySpan<char> Stem { get; }

    /// <summary>Clitic boundaries within <see cref="Normalized"/>.</summary>
    public CliticSegmentation Clitics { get; }

    /// <summary>The word, or its clitic-free base, is a function word.</summary>
    public bool IsStopWord { get; }

    /// <summary>The clitic-free base within <see cref="Normalized"/>.</summary>
    public ReadOnlySpan<char> Base => Clitics.Base(Normalized);

    /// <summary>Whether indexing should keep this token: content-bearing and not a stop word.</summary>
    public bool IsIndexTerm => Token.IsContent && !IsStopWord && !Stem.IsEmpty;
}
