using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Marsad.Search;

/// <summary>
/// Counts every match by source, category, topic, place, person and month from doc values, alongside the ranking
/// collector, so facets describe the whole result set and not only the page shown. Counting is by ordinal per
/// segment; strings are looked up once per distinct value when a segment is done.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    /// <summary>Places and people can be many; only the most frequent are reported.</summary>
    public const int MaxEntityValues = 20;

    private static readonly string[] SingleFields = [SearchIndex.SourceField, SearchIndex.CategoryField, SearchIndex.TopicField];
    private static readonly string[] MultiFields = [SearchIndex.PlaceField, SearchIndex.PersonField];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Empty = new FacetCollector().Counts();

    private readonly Dictionary<string, Dictionary<string, int>> _counts = [];
    private readonly Dictionary<int, int> _months = [];
    private readonly BytesRef _scratch = new();
    private readonly SortedDocValues?[] _single = new SortedDocValues?[SingleFields.Length];
    private readonly SortedSetDocValues?[] _multi = new SortedSetDocValues?[MultiFields.Length];
    private readonly int[][] _singleOrds = new int[SingleFields.Length][];
    private readonly int[][] _multiOrds = new int[MultiFields.Length][];
    private NumericDocValues? _date;
    private IBits? _dateExists;

    public FacetCollector()
    {
        foreach (var field in SingleFields) _counts[field] = [];
        foreach (var field in MultiFields) _counts[field] = [];
        for (var i = 0; i < _singleOrds.Length; i++) _singleOrds[i] = [];
        for (var i = 0; i < _multiOrds.Length; i++) _multiOrds[i] = [];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        for (var i = 0; i < SingleFields.Length; i++)
        {
            _single[i] = reader.GetSortedDocValues(SingleFields[i]);
            _singleOrds[i] = new int[_single[i]?.ValueCount ?? 0];
        }
        for (var i = 0; i < MultiFields.Length; i++)
        {
            _multi[i] = reader.GetSortedSetDocValues(MultiFields[i]);
            _multiOrds[i] = new int[_multi[i]?.ValueCount ?? 0];
        }
        _date = reader.GetNumericDocValues(SearchIndex.DateField);
        _dateExists = reader.GetDocsWithField(SearchIndex.DateField);
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _single.Length; i++)
            if (_single[i] is { } values && values.GetOrd(doc) is var ord and >= 0) _singleOrds[i][ord]++;
        for (var i = 0; i < _multi.Length; i++)
        {
            if (_multi[i] is not { } values) continue;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) _multiOrds[i][ord]++;
        }
        if (_date is not null && _dateExists is not null && _dateExists.Get(doc))
        {
            var month = (int)(_date.Get(doc) / 100);
            _months[month] = _months.GetValueOrDefault(month) + 1;
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Counts()
    {
        Flush();
        var months = new List<FacetCount>(_months.Count);
        foreach (var (month, count) in _months)
            months.Add(new FacetCount($"{month / 100:D4}-{month % 100:D2}", count));
        months.Sort((a, b) => string.CompareOrdinal(a.Value, b.Value));
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>();
        foreach (var field in SingleFields) facets[field] = ByCount(_counts[field], int.MaxValue);
        foreach (var field in MultiFields) facets[field] = ByCount(_counts[field], MaxEntityValues);
        facets["month"] = months;
        return facets;
    }

    private void Flush()
    {
        for (var i = 0; i < _single.Length; i++)
        {
            if (_single[i] is { } values) Flush(values.LookupOrd, _singleOrds[i], _counts[SingleFields[i]]);
            _singleOrds[i] = [];
        }
        for (var i = 0; i < _multi.Length; i++)
        {
            if (_multi[i] is { } values) FlushTop((ord, bytes) => values.LookupOrd(ord, bytes), _multiOrds[i], _counts[MultiFields[i]]);
            _multiOrds[i] = [];
        }
    }

    private void Flush(Action<int, BytesRef> lookup, int[] ordCounts, Dictionary<string, int> counts)
    {
        for (var ord = 0; ord < ordCounts.Length; ord++)
        {
            if (ordCounts[ord] == 0) continue;
            lookup(ord, _scratch);
            var key = _scratch.Utf8ToString();
            counts[key] = counts.GetValueOrDefault(key) + ordCounts[ord];
        }
    }

    /// <summary>
    /// Places and people run to tens of thousands of values over a broad result set; turning each into a string
    /// costs more than the search. Only each segment's most frequent ordinals are looked up, which is exact for a
    /// merged (one-segment) index and a close approximation otherwise.
    /// </summary>
    private void FlushTop(Action<int, BytesRef> lookup, int[] ordCounts, Dictionary<string, int> counts)
    {
        const int keep = MaxEntityValues * 4;
        var top = new PriorityQueue<int, int>(keep + 1);
        for (var ord = 0; ord < ordCounts.Length; ord++)
        {
            var count = ordCounts[ord];
            if (count == 0) continue;
            if (top.Count < keep) top.Enqueue(ord, count);
            else if (top.TryPeek(out _, out var smallest) && count > smallest) top.EnqueueDequeue(ord, count);
        }
        while (top.TryDequeue(out var ord, out var count))
        {
            lookup(ord, _scratch);
            var key = _scratch.Utf8ToString();
            counts[key] = counts.GetValueOrDefault(key) + count;
        }
    }

    private static List<FacetCount> ByCount(Dictionary<string, int> counts, int limit)
    {
        var list = new List<FacetCount>(counts.Count);
        foreach (var (value, count) in counts) list.Add(new FacetCount(value, count));
        list.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value));
        if (list.Count > limit) list.RemoveRange(limit, list.Count - limit);
        return list;
    }
}
