using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Marsad.Search;

/// <summary>
/// Counts every match by source, category and month from doc values, alongside the ranking collector,
/// so facets describe the whole result set and not only the page shown.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Empty =
        new Dictionary<string, IReadOnlyList<FacetCount>> { ["source"] = [], ["category"] = [], ["month"] = [] };

    private readonly Dictionary<string, int> _sources = [];
    private readonly Dictionary<string, int> _categories = [];
    private readonly Dictionary<int, int> _months = [];
    private readonly BytesRef _scratch = new();
    private SortedDocValues? _source;
    private SortedDocValues? _category;
    private int[] _sourceOrds = [];
    private int[] _categoryOrds = [];
    private NumericDocValues? _date;
    private IBits? _dateExists;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _source = reader.GetSortedDocValues(SearchIndex.SourceField);
        _category = reader.GetSortedDocValues(SearchIndex.CategoryField);
        _sourceOrds = new int[_source?.ValueCount ?? 0];
        _categoryOrds = new int[_category?.ValueCount ?? 0];
        _date = reader.GetNumericDocValues(SearchIndex.DateField);
        _dateExists = reader.GetDocsWithField(SearchIndex.DateField);
    }

    public void Collect(int doc)
    {
        // Counted per segment by ordinal; strings are only looked up once per distinct value in Flush.
        if (_source is not null && _source.GetOrd(doc) is var s and >= 0) _sourceOrds[s]++;
        if (_category is not null && _category.GetOrd(doc) is var c and >= 0) _categoryOrds[c]++;
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
        return new Dictionary<string, IReadOnlyList<FacetCount>>
        {
            ["source"] = ByCount(_sources),
            ["category"] = ByCount(_categories),
            ["month"] = months,
        };
    }

    private void Flush()
    {
        Flush(_source, _sourceOrds, _sources);
        Flush(_category, _categoryOrds, _categories);
        _sourceOrds = [];
        _categoryOrds = [];
    }

    private void Flush(SortedDocValues? values, int[] ordCounts, Dictionary<string, int> counts)
    {
        if (values is null) return;
        for (var ord = 0; ord < ordCounts.Length; ord++)
        {
            if (ordCounts[ord] == 0) continue;
            values.LookupOrd(ord, _scratch);
            var key = _scratch.Utf8ToString();
            counts[key] = counts.GetValueOrDefault(key) + ordCounts[ord];
        }
    }

    private static List<FacetCount> ByCount(Dictionary<string, int> counts)
    {
        var list = new List<FacetCount>(counts.Count);
        foreach (var (value, count) in counts) list.Add(new FacetCount(value, count));
        list.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value));
        return list;
    }
}
