namespace Marsad.Bench;

/// <summary>
/// Loads news bodies for benchmarks from the shared data folder (../shared beside the checkout, or MARSAD_SHARED):
/// the first files of the topic training split, body taken leniently from between &lt;TEXT&gt; and &lt;/TEXT&gt;
/// (and the title from &lt;TITLE&gt;).
/// </summary>
public static class BenchmarkCorpus
{
    public static IReadOnlyList<string> TrainingBodies(int count) => TrainingArticles(count).Select(a => a.Body).ToList();

    /// <summary>Title and body of the first <paramref name="count"/> readable files of the topic training split.</summary>
    public static IReadOnlyList<(string Title, string Body)> TrainingArticles(int count)
    {
        var root = FindShared() ?? throw new InvalidOperationException(
            "Shared data not found: expected a 'shared' folder beside the repository (../shared) or MARSAD_SHARED.");
        var split = Path.Combine(root, "data", "splits", "topic-train.tsv");
        var bodies = new List<(string Title, string Body)>(count);
        foreach (var line in File.ReadLines(split).Skip(1))
        {
            if (bodies.Count == count) break;
            var tab = line.IndexOf('\t');
            var relative = tab < 0 ? line : line[..tab];
            var text = File.ReadAllText(Path.Combine(root, "data", "news", relative));
            var start = text.IndexOf("<TEXT>", StringComparison.Ordinal);
            if (start < 0) continue;
            start += "<TEXT>".Length;
            var end = text.IndexOf("</TEXT>", start, StringComparison.Ordinal);
            bodies.Add((Between(text, "<TITLE>", "</TITLE>"), end < 0 ? text[start..] : text[start..end]));
        }
        return bodies;
    }

    private static string Between(string text, string open, string close)
    {
        var start = text.IndexOf(open, StringComparison.Ordinal);
        if (start < 0) return "";
        start += open.Length;
        var end = text.IndexOf(close, start, StringComparison.Ordinal);
        return end < 0 ? "" : text[start..end].Trim();
    }

    private static string? FindShared()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "data"))) return candidate;
            }
        }
        return null;
    }
}
