using Marsad.Analysis.Keywords;
using Marsad.Text;

namespace Marsad.Analysis.Summaries;

/// <summary>
/// Stem TF-IDF vectors of one article's sentences (and title) for the summariser, held in flat arrays instead of
/// one dictionary per sentence: a vector is a run of (stem id, weight) entries in first-occurrence order, the ids
/// from the thread's <see cref="StemTable"/>.
/// One instance per thread (<see cref="ForCurrentThread"/>), valid until the thread's next call.
/// </summary>
internal sealed class SentenceVectors
{
    // The stem table starts over (between articles) when it grows past this.
    private const int MaxStems = 1 << 20;

    [ThreadStatic]
    private static SentenceVectors? t_current;

    private readonly StemTable _stems = new();
    private int[] _entryId = new int[1024];
    private double[] _entryValue = new double[1024];
    private int[] _start = new int[64];
    private int _vectors;
    private int _entries;

    // Per stem id: the stamp of the last vector that marked it, and the entry it marked.
    private int[] _markStamp = new int[4096];
    private int[] _markEntry = new int[4096];
    private int _stamp;

    /// <summary>This thread's instance, emptied for a new article.</summary>
    public static SentenceVectors ForCurrentThread()
    {
        var vectors = t_current ??= new SentenceVectors();
        if (vectors._stems.StartOverAbove(MaxStems)) Array.Clear(vectors._markStamp);
        vectors._vectors = 0;
        vectors._entries = 0;
        return vectors;
    }

    /// <summary>Entries of vector <paramref name="v"/>.</summary>
    public int Count(int v) => _start[v + 1] - _start[v];

    /// <summary>
    /// Adds the L2-normalised stem TF-IDF vector of the content words of <paramref name="text"/>; returns its index
    /// and, through <paramref name="words"/>, how many content words it has.
    /// </summary>
    public int Add(ReadOnlySpan<char> text, KeywordStatistics statistics, out int words)
    {
        var v = _vectors++;
        if (_start.Length < v + 2) Array.Resize(ref _start, Math.Max(v + 2, _start.Length * 2));
        _start[v] = _entries;
        var stamp = NextStamp();
        words = 0;
        foreach (var token in ArabicAnalyzerChain.ForCurrentThread.Analyze(text))
        {
            if (!KeywordStatistics.IsCounted(token)) continue;
            words++;
            var id = IdOf(token.Stem);
            var idf = statistics.Idf(token.Stem);
            if (_markStamp[id] == stamp)
            {
                _entryValue[_markEntry[id]] += idf;
                continue;
            }
            _markStamp[id] = stamp;
            _markEntry[id] = _entries;
            if (_entries == _entryId.Length)
            {
                Array.Resize(ref _entryId, _entries * 2);
                Array.Resize(ref _entryValue, _entries * 2);
            }
            _entryId[_entries] = id;
            _entryValue[_entries++] = idf;
        }
        _start[v + 1] = _entries;
        var values = _entryValue.AsSpan(_start[v], _entries - _start[v]);
        var squares = 0.0;
        foreach (var value in values) squares += value * value;
        var norm = Math.Sqrt(squares);
        if (norm > 0)
            for (var e = 0; e < values.Length; e++) values[e] /= norm;
        return v;
    }

    /// <summary>Cosine of two added vectors (their dot product: both are normalised).</summary>
    public double Cosine(int a, int b)
    {
        // Walk the shorter vector in its own order, looking its stems up in the longer one.
        if (Count(a) > Count(b)) (a, b) = (b, a);
        var stamp = NextStamp();
        for (var e = _start[b]; e < _start[b + 1]; e++)
        {
            _markStamp[_entryId[e]] = stamp;
            _markEntry[_entryId[e]] = e;
        }
        var dot = 0.0;
        for (var e = _start[a]; e < _start[a + 1]; e++)
        {
            var id = _entryId[e];
            if (_markStamp[id] == stamp) dot += _entryValue[e] * _entryValue[_markEntry[id]];
        }
        return dot;
    }

    private int IdOf(ReadOnlySpan<char> stem)
    {
        var id = _stems.Id(stem);
        if (id >= _markStamp.Length)
        {
            Array.Resize(ref _markStamp, _markStamp.Length * 2);
            Array.Resize(ref _markEntry, _markEntry.Length * 2);
        }
        return id;
    }

    private int NextStamp()
    {
        if (_stamp == int.MaxValue)
        {
            Array.Clear(_markStamp);
            _stamp = 0;
        }
        return ++_stamp;
    }
}
