namespace Marsad.Analysis.Sentences;

/// <summary>
/// Sentence ends that the text itself marks: terminal punctuation and line breaks. These are both the
/// splitter's first pass and, on punctuated news, the reference boundaries that training and evaluation use.
/// </summary>
internal static class SentenceRules
{
    public static void Segment(List<SentenceWord> words, int minWords, List<RuleSegment> segments)
    {
        segments.Clear();
        if (words.Count == 0) return;
        var lineFirstSegment = 0;
        var linePunctuated = false;
        var first = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var atLineEnd = word.LineBreakAfter || i == words.Count - 1;
            var terminal = word.Terminal == TerminalKind.Strong
                || (word.Terminal == TerminalKind.Weak && i - first + 1 >= minWords);
            if (terminal) linePunctuated = true;
            if (!terminal && !atLineEnd) continue;
            segments.Add(new RuleSegment(first, i, false));
            first = i + 1;
            if (!atLineEnd) continue;
            if (linePunctuated)
            {
                for (var s = lineFirstSegment; s < segments.Count; s++)
                    segments[s] = segments[s] with { LinePunctuated = true };
            }
            lineFirstSegment = segments.Count;
            linePunctuated = false;
        }
    }

    /// <summary>Marks <c>boundaryAfter[i]</c> when a sentence ends after word i and another word follows.</summary>
    public static void Boundaries(List<RuleSegment> segments, Span<bool> boundaryAfter)
    {
        boundaryAfter.Clear();
        for (var s = 0; s < segments.Count - 1; s++) boundaryAfter[segments[s].Last] = true;
    }
}
