namespace Marsad.Analysis.Sentences;

/// <summary>
/// One sentence as a half-open range of char offsets into the body it was split from,
/// so callers can slice the original text without copies or re-tokenising.
/// </summary>
public readonly record struct SentenceSpan(int Start, int End)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> Slice(string body) => body.AsSpan(Start, End - Start);

    public string Text(string body) => body.Substring(Start, End - Start);
}
