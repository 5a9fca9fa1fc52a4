namespace Marsad.Analysis;

/// <summary>A token as <c>analyze --tokens</c> reports it: its place in the body and what the text core made of it.</summary>
public sealed record TokenDetail(
    int Start,
    int End,
    string Text,
    string Kind,
    string Norm,
    string Stem,
    IReadOnlyList<string> Clitics,
    bool StopWord);
