namespace Marsad.Analysis.Keywords;

/// <summary>
/// Stems interned as small dense ids (from 1; 0 is no stem), for per-thread tables that live from article to
/// article: stems recur across articles, so after a warm-up an article adds few new stem strings. Used by
/// <see cref="KeywordText"/> and the summariser's sentence vectors.
/// </summary>
internal sealed class StemTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _stems = [""];

    public StemTable() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Ids handed out so far, plus one (the next id).</summary>
    public int Count => _stems.Count;

    public string this[int id] => _stems[id];

    public int Id(ReadOnlySpan<char> stem)
    {
        if (_lookup.TryGetValue(stem, out var id)) return id;
        id = _stems.Count;
        var text = stem.ToString();
        _stems.Add(text);
        _ids.Add(text, id);
        return id;
    }

    /// <summary>Starts over when more than <paramref name="max"/> stems are held; true when it did (ids are then reused).</summary>
    public bool StartOverAbove(int max)
    {
        if (_stems.Count <= max) return false;
        _ids.Clear();
        _stems.RemoveRange(1, _stems.Count - 1);
        return true;
    }
}
