using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace Marsad.Text;

/// <summary>
/// Frequency list of normalised Arabic word types, learnt from unlabelled news text. It is the evidence the
/// <see cref="CliticSegmenter"/> uses to decide whether a leading و or a trailing ها is a clitic or part of the word.
/// Stored as Brotli-compressed "word TAB count" lines; held in memory as an open-addressing table over one char
/// pool so a lookup from a span hashes the characters once and compares in place, with no allocation.
/// </summary>
public sealed class WordFrequencyLexicon
{
    /// <summary>
    /// The resource name of the lexicon shipped with the library, built with <see cref="Build"/> (minCount 2) from the
    /// bodies of the ANT topic-training split (in split order) followed by the SaudiNewsNet article contents (zips in
    /// name order): 185,711 types, 0.6 MB.
    /// </summary>
    public const string ResourceName = "Marsad.Text.news-lexicon.br";

    private static readonly Lazy<WordFrequencyLexicon> Embedded = new(LoadEmbedded);

    private readonly char[] _pool;
    private readonly int[] _slots;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly int[] _counts;
    private readonly uint[] _hashes;
    private readonly int _mask;

    private WordFrequencyLexicon(List<(string Word, int Count)> entries)
    {
        var capacity = 1;
        while (capacity < entries.Count * 2) capacity <<= 1;
        _mask = capacity - 1;
        _slots = new int[capacity];
        _starts = new int[entries.Count];
        _lengths = new int[entries.Count];
        _counts = new int[entries.Count];
        _hashes = new uint[entries.Count];
        var total = 0;
        foreach (var (word, _) in entries) total += word.Length;
        _pool = new char[total];
        var offset = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var (word, count) = entries[i];
            word.CopyTo(_pool.AsSpan(offset));
            _starts[i] = offset;
            _lengths[i] = word.Length;
            _counts[i] = count;
            var hash = Hash(word);
            _hashes[i] = hash;
            offset += word.Length;
            var slot = (int)hash & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = i + 1;
        }
        Count = entries.Count;
    }

    /// <summary>The lexicon embedded in this library, loaded on first use.</summary>
    public static WordFrequencyLexicon Default => Embedded.Value;

    /// <summary>Number of word types.</summary>
    public int Count { get; }

    /// <summary>Corpus frequency of a normalised word; 0 when unknown.</summary>
    public int Frequency(ReadOnlySpan<char> word)
    {
        var hash = Hash(word);
        var slot = (int)hash & _mask;
        while (true)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0) return 0;
            if (_hashes[entry] == hash && _lengths[entry] == word.Length && _pool.AsSpan(_starts[entry], word.Length).SequenceEqual(word))
                return _counts[entry];
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// Builds a lexicon from raw texts: tokenises, keeps Arabic words, normalises them with
    /// <see cref="NormalizationOptions.Default"/>, counts types and writes those seen at least
    /// <paramref name="minCount"/> times, most frequent first, Brotli-compressed. Deterministic for a given input order.
    /// </summary>
    public static void Build(IEnumerable<string> texts, Stream output, int minCount = 2)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(output);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var buffer = new char[256];
        foreach (var text in texts)
        {
            foreach (var token in Tokenizer.Enumerate(text))
            {
                if (token.Kind != TokenKind.ArabicWord || token.Length > 64) continue;
                var n = ArabicNormalizer.Normalize(token.Slice(text), buffer);
                var word = buffer.AsSpan(0, n);
                if (word.Length == 0) continue;
                if (lookup.TryGetValue(word, out var c)) lookup[word] = c + 1;
                else lookup[word] = 1;
            }
        }

        var kept = counts.Where(kv => kv.Value >= minCount)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal);
        using var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(brotli, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var (word, count) in kept)
        {
            writer.Write(word);
            writer.Write('\t');
            writer.Write(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    /// <summary>Reads a lexicon written by <see cref="Build"/>.</summary>
    public static WordFrequencyLexicon Load(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        var entries = new List<(string, int)>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            entries.Add((line[..tab], int.Parse(line.AsSpan(tab + 1), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return new WordFrequencyLexicon(entries);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Hash(ReadOnlySpan<char> word)
    {
        // Cheap multiplicative hash: keys are short, trusted (our own corpus) and never adversarial.
        var h = 2166136261u;
        foreach (var c in word) h = (h ^ c) * 16777619u;
        return h ^ (h >> 15);
    }

    private static WordFrequencyLexicon LoadEmbedded()
    {
        using var stream = typeof(WordFrequencyLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Load(stream);
    }
}
