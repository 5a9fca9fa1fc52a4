namespace Marsad.Analysis.Sentences;

/// <summary>Hashes of one normalised word and of the pieces of it that signal sentence edges (clitics, endings, shape).</summary>
internal struct WordKey
{
    public ulong Word;
    public ulong Prefix1;
    public ulong Prefix2;
    public ulong Prefix3;
    public ulong Suffix1;
    public ulong Suffix2;
    public ulong Suffix3;
    public ulong Shape;
    public ulong Class;

    /// <summary>The word without a leading conjunction (و or ف), or the word itself.</summary>
    public ulong Stem;
}
