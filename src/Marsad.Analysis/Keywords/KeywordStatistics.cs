using System.Globalization;
using System.IO.Compression;
using System.Text;
using Marsad.Text;

namespace Marsad.Analysis.Keywords;

/// <summary>
/// Document frequencies of stems in news, the "IDF" half of keyword and summary scoring. Built from the topic-train
/// bodies by <c>marsad train keywords</c> and shipped as a small embedded resource; only the most frequent stems are
/// kept, since a stem missing from the table is by construction rare and gets the highest weight anyway.
/// </summary>
public sealed class KeywordStatistics
{
    public const string ResourceName = "Marsad.Analysis.keyword-df.br";

    private const string Magic = "marsad-keyword-df 1";

    /// <summary>Enough to cover every stem seen in at least a handful of articles while keeping the file well under 1 MB.</summary>
    public const int DefaultMaxStems = 40_000;

    private static readonly Lazy<KeywordStatistics> Shipped = new(LoadEmbedded);

    private readonly Dictionary<string, int> _frequencies;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public KeywordStatistics(int documents, Dictionary<string, int> frequencies)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(documents, 1);
        ArgumentNullException.ThrowIfNull(frequencies);
        Documents = documents;
        _frequencies = frequencies;
        _lookup = frequencies.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The statistics built into Marsad, loaded once.</summary>
    public static KeywordStatistics Default => Shipped.Value;

    /// <summary>Number of articles the frequencies were counted over.</summary>
    public int Documents { get; }

    public int StemCount => _frequencies.Count;

    /// <summary>Articles containing <paramref name="stem"/>; 0 when it is not in the table.</summary>
    public int DocumentFrequency(ReadOnlySpan<char> stem) => _lookup.TryGetValue(stem, out var df) ? df : 0;

    /// <summary>
    /// Smoothed inverse document frequency, ln((N + 1) / (df + 1)) + 1: never zero, so a word that is in every article
    /// still counts a little when it is repeated.
    /// </summary>
    public double Idf(ReadOnlySpan<char> stem) => Math.Log((Documents + 1.0) / (DocumentFrequency(stem) + 1.0)) + 1.0;

    /// <summary>Counts, per stem of a content word (stop words left out), the bodies it occurs in; writes the top <paramref name="maxStems"/>.</summary>
    public static KeywordStatistics Build(IEnumerable<string> bodies, Stream output, int maxStems = DefaultMaxStems)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentNullException.ThrowIfNull(output);
        var chain = ArabicAnalyzerChain.ForCurrentThread;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenLookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        var documents = 0;
        foreach (var body in bodies)
        {
            documents++;
            seen.Clear();
            foreach (var token in chain.Analyze(body))
            {
                if (!IsCounted(token) || !seenLookup.Add(token.Stem)) continue;
                lookup[token.Stem] = lookup.TryGetValue(token.Stem, out var n) ? n + 1 : 1;
            }
        }
        if (documents == 0) throw new InvalidDataException("No article to count document frequencies in.");
        // Ties broken by the stem itself so that the same corpus always yields the same file.
        var kept = counts.Where(p => p.Value >= 2)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(maxStems)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var statistics = new KeywordStatistics(documents, kept);
        statistics.Save(output);
        return statistics;
    }

    /// <summary>The words that are counted and later scored: Arabic and Latin words that are not function words.</summary>
    internal static bool IsCounted(AnalyzedToken token) =>
        token.Token.Kind is TokenKind.ArabicWord or TokenKind.LatinWord && !token.IsStopWord && token.Stem.Length >= 2;

    public void Save(Stream output)
    {
        using var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(brotli, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine($"{Magic}\t{Documents.ToString(CultureInfo.InvariantCulture)}");
        foreach (var (stem, df) in _frequencies.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            writer.WriteLine($"{stem}\t{df.ToString(CultureInfo.InvariantCulture)}");
    }

    public static KeywordStatistics Load(Stream input)
    {
        using var brotli = new BrotliStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        var header = reader.ReadLine()?.Split('\t');
        if (header is not [Magic, var n] || !int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var documents) || documents < 1)
            throw new InvalidDataException("Not a keyword statistics file.");
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0 || !int.TryParse(line.AsSpan(tab + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var df))
                throw new InvalidDataException($"Bad keyword statistics line: {line}");
            frequencies[line[..tab]] = df;
        }
        return new KeywordStatistics(documents, frequencies);
    }

    private static KeywordStatistics LoadEmbedded()
    {
        using var stream = typeof(KeywordStatistics).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded keyword statistics '{ResourceName}' are missing from the assembly.");
        return Load(stream);
    }
}
