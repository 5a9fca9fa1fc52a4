namespace Marsad.Analysis.Reading;

/// <summary>Collects the values of one CSV or JSON record and turns them into an article.</summary>
internal sealed class RecordFields(ReaderOptions options)
{
    private static readonly Dictionary<string, RecordField> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = RecordField.Title,
        ["headline"] = RecordField.Title,
        ["heading"] = RecordField.Title,
        ["العنوان"] = RecordField.Title,
        ["عنوان"] = RecordField.Title,
        ["body"] = RecordField.Body,
        ["content"] = RecordField.Body,
        ["text"] = RecordField.Body,
        ["article"] = RecordField.Body,
        ["story"] = RecordField.Body,
        ["النص"] = RecordField.Body,
        ["المحتوى"] = RecordField.Body,
        ["المتن"] = RecordField.Body,
        ["date"] = RecordField.Date,
        ["date_extracted"] = RecordField.Date,
        ["published"] = RecordField.Date,
        ["published_at"] = RecordField.Date,
        ["pubdate"] = RecordField.Date,
        ["time"] = RecordField.Date,
        ["datetime"] = RecordField.Date,
        ["التاريخ"] = RecordField.Date,
        ["source"] = RecordField.Source,
        ["src"] = RecordField.Source,
        ["site"] = RecordField.Source,
        ["outlet"] = RecordField.Source,
        ["newspaper"] = RecordField.Source,
        ["المصدر"] = RecordField.Source,
        ["url"] = RecordField.Url,
        ["link"] = RecordField.Url,
        ["href"] = RecordField.Url,
        ["الرابط"] = RecordField.Url,
        ["category"] = RecordField.Category,
        ["cat"] = RecordField.Category,
        ["section"] = RecordField.Category,
        ["topic"] = RecordField.Category,
        ["label"] = RecordField.Category,
        ["التصنيف"] = RecordField.Category,
        ["القسم"] = RecordField.Category,
        ["abstract"] = RecordField.Abstract,
        ["summary"] = RecordField.Abstract,
        ["description"] = RecordField.Abstract,
        ["lead"] = RecordField.Abstract,
        ["الملخص"] = RecordField.Abstract,
        ["author"] = RecordField.Author,
        ["byline"] = RecordField.Author,
        ["writer"] = RecordField.Author,
        ["الكاتب"] = RecordField.Author,
    };

    private static readonly Dictionary<string, RecordField>.AlternateLookup<ReadOnlySpan<char>> NameLookup =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly string?[] _values = new string?[Enum.GetValues<RecordField>().Length];

    public static RecordField Classify(ReadOnlySpan<char> name)
    {
        name = name.Trim().Trim('\uFEFF');
        return NameLookup.TryGetValue(name, out var field) ? field : RecordField.None;
    }

    /// <summary>Keeps the first non-empty value per field, so "content" and "text" columns do not fight.</summary>
    public void Set(RecordField field, string? value)
    {
        if (field == RecordField.None || string.IsNullOrWhiteSpace(value)) return;
        ref var slot = ref _values[(int)field];
        slot ??= value;
    }

    public void Clear() => Array.Clear(_values);

    public ReadResult ToResult(string origin) => ArticleFactory.Create(
        options,
        origin,
        _values[(int)RecordField.Title],
        _values[(int)RecordField.Body],
        DateLineParser.Parse(_values[(int)RecordField.Date]),
        _values[(int)RecordField.Source],
        _values[(int)RecordField.Url],
        _values[(int)RecordField.Category],
        _values[(int)RecordField.Abstract],
        _values[(int)RecordField.Author]);
}
