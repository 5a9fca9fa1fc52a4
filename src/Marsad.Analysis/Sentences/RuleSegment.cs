namespace Marsad.Analysis.Sentences;

/// <summary>
/// Words <see cref="First"/>..<see cref="Last"/> (inclusive) that punctuation and line breaks alone put in one sentence.
/// <see cref="LinePunctuated"/> tells whether the writer punctuated the line it sits on, i.e. whether its length can be trusted.
/// </summary>
internal readonly record struct RuleSegment(int First, int Last, bool LinePunctuated)
{
    public int Words => Last - First + 1;
}
