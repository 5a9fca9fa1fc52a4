namespace Marsad.Analysis.Reading;

/// <summary>
/// A fixed train/dev/test split: a TSV with a header line and rows <c>path&lt;TAB&gt;label</c>, paths relative
/// to a news root folder. Used by training and evaluation, where a missing or unreadable article must stop
/// the run rather than silently shrink the data set, so such rows throw <see cref="InvalidDataException"/>.
/// </summary>
public static class CorpusSplit
{
    /// <summary>Reads a split whose news root is <c>../news</c> beside the splits folder, as in the shared data.</summary>
    public static IEnumerable<(Article Article, string Label)> Read(string splitFile, ReaderOptions? options = null,
        CancellationToken ct = default) => Read(splitFile, ResolveNewsRoot(splitFile), options, ct);

    public static IEnumerable<(Article Article, string Label)> Read(string splitFile, string newsRoot,
        ReaderOptions? options = null, CancellationToken ct = default)
    {
        foreach (var (path, label, line) in ReadRows(splitFile))
        {
            ct.ThrowIfCancellationRequested();
            var full = Path.Combine(newsRoot, path);
            var any = false;
            foreach (var r in ArticleReader.ReadPath(full, options, ct))
            {
                if (r.Error is { } error)
                    throw new InvalidDataException($"{splitFile}:{line}: {error}");
                any = true;
                yield return (r.Article!, label);
            }
            if (!any) throw new InvalidDataException($"{splitFile}:{line}: {full} holds no article");
        }
    }

    /// <summary>The rows of the split file: path relative to the news root, label, and 1-based line number.</summary>
    public static IEnumerable<(string Path, string Label, int Line)> ReadRows(string splitFile)
    {
        using var reader = new StreamReader(splitFile);
        var header = reader.ReadLine();
        if (header is null) throw new InvalidDataException($"{splitFile}: empty split file");
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1)
                throw new InvalidDataException($"{splitFile}:{lineNumber}: expected 'path<TAB>label'");
            var path = line[..tab].Trim();
            var label = line[(tab + 1)..].Trim();
            if (Path.IsPathRooted(path) || path.Split('/', '\\').Contains(".."))
                throw new InvalidDataException($"{splitFile}:{lineNumber}: path must stay inside the news root");
            yield return (path, label, lineNumber);
        }
    }

    /// <summary><c>&lt;data&gt;/splits/x.tsv</c> → <c>&lt;data&gt;/news</c>.</summary>
    public static string ResolveNewsRoot(string splitFile)
    {
        var splitsFolder = Path.GetDirectoryName(Path.GetFullPath(splitFile))
                           ?? throw new ArgumentException("split file has no folder", nameof(splitFile));
        return Path.GetFullPath(Path.Combine(splitsFolder, "..", "news"));
    }
}
