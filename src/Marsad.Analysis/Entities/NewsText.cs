using System.IO.Compression;
using System.Text.Json;

namespace Marsad.Analysis.Entities;

/// <summary>
/// Streams article bodies from the unlabelled news collections (ANT &lt;DOC&gt; files and SaudiNewsNet zipped
/// JSON) and cuts them into normalised token sentences for cluster induction.
/// </summary>
internal static class NewsText
{
    public static IEnumerable<string> Documents(string newsRoot, int maxDocuments)
    {
        var produced = 0;
        foreach (var sub in new[] { "ant-multisource", "ant-jawharafm" })
        {
            var dir = Path.Combine(newsRoot, sub);
            if (!Directory.Exists(dir)) continue;
            var files = Directory.GetFiles(dir, "*.txt", SearchOption.AllDirectories);
            // Ordinal order keeps cluster induction reproducible across file systems.
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (produced >= maxDocuments) yield break;
                var text = File.ReadAllText(file);
                var title = Between(text, "<TITLE>", "</TITLE>");
                var body = Between(text, "<TEXT>", "</TEXT>");
                produced++;
                yield return title + "\n" + body;
            }
        }
        var saudi = Path.Combine(newsRoot, "saudinewsnet");
        if (!Directory.Exists(saudi)) yield break;
        var zips = Directory.GetFiles(saudi, "*.zip");
        Array.Sort(zips, StringComparer.Ordinal);
        foreach (var zip in zips)
        {
            using var archive = ZipFile.OpenRead(zip);
            foreach (var entry in archive.Entries)
            {
                if (!entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) continue;
                using var stream = entry.Open();
                using var doc = JsonDocument.Parse(stream);
                foreach (var item in doc.RootElement.EnumerateArray())
                {
                    if (produced >= maxDocuments) yield break;
                    var title = item.TryGetProperty("title", out var t) ? t.GetString() : null;
                    var content = item.TryGetProperty("content", out var c) ? c.GetString() : null;
                    produced++;
                    yield return (title ?? "") + "\n" + (content ?? "");
                }
            }
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

    private static string Between(string text, string open, string close)
    {
        var a = text.IndexOf(open, StringComparison.Ordinal);
        if (a < 0) return "";
        a += open.Length;
        var b = text.IndexOf(close, a, StringComparison.Ordinal);
        return b < 0 ? text[a..] : text[a..b];
    }
}
