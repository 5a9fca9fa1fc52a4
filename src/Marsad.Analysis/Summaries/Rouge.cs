using Marsad.Text;

namespace Marsad.Analysis.Summaries;

/// <summary>
/// ROUGE-N (Lin 2004) with the standard definition: overlap = Σ over n-grams of min(count in candidate, count in
/// reference); precision = overlap / candidate n-grams, recall = overlap / reference n-grams, F1 their harmonic mean.
/// Tokens are the clitic-free normalised bases of words and numbers (و/ب/ال… removed, stop words kept, punctuation
/// dropped), so وبالمدينة and المدينة match but مدينة and مدن do not.
/// </summary>
public static class Rouge
{
    public static List<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        foreach (var token in ArabicAnalyzerChain.ForCurrentThread.Analyze(text))
            if (token.Token.IsContent) tokens.Add(token.Base.ToString());
        return tokens;
    }

    public static RougeScore Score(string candidate, string reference, int n) => Score(Tokens(candidate), Tokens(reference), n);

    public static RougeScore Score(IReadOnlyList<string> candidate, IReadOnlyList<string> reference, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var candidateGrams = Grams(candidate, n);
        var referenceGrams = Grams(reference, n);
        var candidateTotal = Math.Max(0, candidate.Count - n + 1);
        var referenceTotal = Math.Max(0, reference.Count - n + 1);
        var overlap = 0;
        foreach (var (gram, count) in candidateGrams)
            if (referenceGrams.TryGetValue(gram, out var other)) overlap += Math.Min(count, other);
        var precision = candidateTotal == 0 ? 0 : (double)overlap / candidateTotal;
        var recall = referenceTotal == 0 ? 0 : (double)overlap / referenceTotal;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new RougeScore(precision, recall, f1);
    }

    private static Dictionary<string, int> Grams(IReadOnlyList<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        // U+0001 cannot occur inside a token, so joined n-grams never collide.
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = n == 1 ? tokens[i] : string.Join('\u0001', tokens.Skip(i).Take(n));
            grams[gram] = grams.TryGetValue(gram, out var c) ? c + 1 : 1;
        }
        return grams;
    }
}
