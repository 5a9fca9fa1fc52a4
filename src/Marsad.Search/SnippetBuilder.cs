using Marsad.Text;

namespace Marsad.Search;

/// <summary>
/// Picks the passage of a body with the most distinct query terms, re-analysing the body with the same chain as
/// the index so that a highlighted word is exactly a word that matched (وللحكومة for الحكومة), at its original offsets.
/// </summary>
internal sealed class SnippetBuilder
{
    public const int WindowTokens = 30;

    /// <summary>Very long bodies are only scanned this far, so one huge article cannot slow down a result page.</summary>
    public const int MaxScannedChars = 200_000;

    public Snippet Build(string body, IReadOnlySet<string> terms)
    {
        var lookup = new HashSet<string>(terms, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var chain = ArabicAnalyzerChain.ForCurrentThread;
        var words = new List<(int Start, int End, bool Match)>();
        var text = body.AsSpan(0, Math.Min(body.Length, MaxScannedChars));
        foreach (var token in chain.Analyze(text))
        {
            if (!token.Token.IsContent) continue;
            words.Add((token.Token.Start, token.Token.End, !token.IsStopWord && lookup.Contains(token.Stem)));
        }
        if (words.Count == 0) return Snippet.Empty;

        var best = 0;
        var bestMatches = -1;
        var matches = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Match) matches++;
            if (i >= WindowTokens && words[i - WindowTokens].Match) matches--;
            var start = Math.Max(0, i - WindowTokens + 1);
            if (matches > bestMatches)
            {
                bestMatches = matches;
                best = start;
            }
        }
        var last = Math.Min(words.Count, best + WindowTokens) - 1;
        var snippetStart = best == 0 ? 0 : words[best].Start;
        var snippetEnd = words[last].End;
        var highlights = new List<(int, int)>();
        for (var i = best; i <= last; i++)
            if (words[i].Match) highlights.Add((words[i].Start - snippetStart, words[i].End - words[i].Start));
        return new Snippet(body[snippetStart..snippetEnd], snippetStart, highlights);
    }
}
