using Marsad.Analysis.Reading;

namespace Marsad.Analysis.Entities;

/// <summary>
/// Streams article bodies from the unlabelled news collections (ANT &lt;DOC&gt; files and SaudiNewsNet zipped
/// JSON) and cuts them into normalised token sentences for cluster induction.
/// </summary>
internal static class NewsText
{
    public static IEnumerable<string> Documents(string newsRoot, int maxDocuments)
    {
        var sources = new List<string>();
        foreach (var sub in new[] { "ant-multisource", "ant-jawharafm" })
        {
            var dir = Path.Combine(newsRoot, sub);
            if (Directory.Exists(dir)) sources.Add(dir);
        }
        var saudi = Path.Combine(newsRoot, "saudinewsnet");
        if (Directory.Exists(saudi))
        {
            var zips = Directory.GetFiles(saudi, "*.zip");
            // Ordinal order keeps cluster induction reproducible across file systems.
            Array.Sort(zips, StringComparer.Ordinal);
            sources.AddRange(zips);
        }
        var produced = 0;
        foreach (var read in ArticleReader.ReadPaths(sources))
        {
            if (produced >= maxDocuments) yield break;
            if (read.Article is not { } article) continue;
            produced++;
            yield return article.Title + "\n" + article.Body;
        }
    }

    /// <summary>
    /// Splits on whitespace, detaches punctuation as separate tokens (as ANERcorp does) and breaks sentences at
    /// line ends and sentence-final marks. Tokens are normalised with <see cref="ArabicForms.Normalize(string)"/>.
    /// </summary>
    public static IEnumerable<List<string>> Sentences(string text, int minTokens = 2)
    {
        var sentence = new List<string>();
        var buffer = new char[256];
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            var isSpace = char.IsWhiteSpace(c);
            var isPunct = !isSpace && (char.IsPunctuation(c) || char.IsSymbol(c)) && c != '\u0640';
            if (isSpace || isPunct)
            {
                if (start >= 0)
                {
                    AddToken(sentence, text.AsSpan(start, i - start), buffer);
                    start = -1;
                }
                if (isPunct) AddToken(sentence, text.AsSpan(i, 1), buffer);
                if (c == '\n' || c == '.' || c == '\u061F' || c == '!' || c == '\u061B')
                {
                    if (sentence.Count >= minTokens) yield return sentence;
                    sentence = [];
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }
    }

    private static void AddToken(List<string> sentence, ReadOnlySpan<char> token, char[] buffer)
    {
        if (token.Length > buffer.Length) return;
        var n = ArabicForms.Normalize(token, buffer);
        if (n > 0) sentence.Add(new string(buffer, 0, n));
    }
}
