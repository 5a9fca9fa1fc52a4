using Marsad.Text;

namespace Marsad.Tests.Text;

/// <summary>
/// Larkey, Ballesteros and Connell's light10 stemmer as published (and as in Lucene's ArabicStemmer): the baseline
/// the project's light stemmer is measured against.
/// </summary>
internal static class Light10Reference
{
    private static readonly string[] Articles = ["وال", "بال", "كال", "فال", "لل", "ال"];
    private static readonly string[] Suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"];

    public static string Stem(string word)
    {
        var w = ArabicNormalizer.Normalize(word, NormalizationOptions.Search).AsSpan();
        if (w.Length >= 4 && w[0] == 'و') w = w[1..];
        foreach (var article in Articles)
        {
            if (w.StartsWith(article) && w.Length - article.Length >= 2)
            {
                w = w[article.Length..];
                break;
            }
        }
        foreach (var suffix in Suffixes)
        {
            if (w.EndsWith(suffix) && w.Length - suffix.Length >= 2) w = w[..^suffix.Length];
        }
        return w.ToString();
    }
}
