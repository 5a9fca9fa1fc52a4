using System.Text;

namespace Marsad.Analysis.Sentences;

/// <summary>
/// Measures how well sentences are recovered from text without punctuation: each held-out body is reduced to its
/// bare words on one line, split, and the predicted boundaries are compared with those its punctuation marked.
/// </summary>
public static class SentenceBoundaryEvaluator
{
    public static SentenceEvaluation Evaluate(SentenceBoundaryModel model, IEnumerable<string> punctuatedBodies) =>
        Evaluate(new SentenceSplitter(model), punctuatedBodies);

    public static SentenceEvaluation Evaluate(SentenceSplitter splitter, IEnumerable<string> punctuatedBodies)
    {
        ArgumentNullException.ThrowIfNull(splitter);
        ArgumentNullException.ThrowIfNull(punctuatedBodies);
        var words = new List<SentenceWord>();
        var segments = new List<RuleSegment>();
        var stripped = new StringBuilder();
        var wordEnds = new List<int>();
        var gold = Array.Empty<bool>();
        var articles = 0;
        long wordCount = 0, goldCount = 0, predictedCount = 0, truePositives = 0;
        foreach (var body in punctuatedBodies)
        {
            SentenceTokenizer.Tokenize(body, words);
            if (words.Count == 0) continue;
            articles++;
            wordCount += words.Count;
            if (gold.Length < words.Count) gold = new bool[words.Count * 2];
            SentenceRules.Segment(words, splitter.Options.MinWords, segments);
            SentenceRules.Boundaries(segments, gold.AsSpan(0, words.Count));
            goldCount += segments.Count - 1;

            stripped.Clear();
            wordEnds.Clear();
            foreach (var word in words)
            {
                if (stripped.Length > 0) stripped.Append(' ');
                for (var i = word.CoreStart; i < word.CoreEnd; i++)
                {
                    if (SentenceTokenizer.IsWordChar(body[i])) stripped.Append(body[i]);
                }
                wordEnds.Add(stripped.Length);
            }

            var sentences = splitter.Split(stripped.ToString());
            var w = 0;
            for (var s = 0; s < sentences.Count - 1; s++)
            {
                var end = sentences[s].End;
                while (w < wordEnds.Count && wordEnds[w] < end) w++;
                if (w >= wordEnds.Count - 1 || wordEnds[w] != end)
                    throw new InvalidOperationException("A predicted sentence does not end at a word of the stripped text.");
                predictedCount++;
                if (gold[w]) truePositives++;
            }
        }
        return new SentenceEvaluation(articles, wordCount, goldCount, predictedCount, truePositives);
    }
}
