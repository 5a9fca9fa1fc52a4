namespace Marsad.Analysis.Reading;

/// <summary>Limits that keep hostile or broken inputs from exhausting memory, and folder-walking choices.</summary>
public sealed record ReaderOptions
{
    public static ReaderOptions Default { get; } = new();

    /// <summary>
    /// Cap on the decompressed bytes of one archive entry, and on a file read whole into memory
    /// (plain text and ANT documents). Passing it is reported as a possible archive bomb.
    /// </summary>
    public long MaxEntryBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Cap on the file entries of one archive.</summary>
    public int MaxEntries { get; init; } = 100_000;

    /// <summary>Cap on one JSON, JSON Lines or CSV record, which must be held whole to be parsed.</summary>
    public int MaxRecordBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// Cap on one article's title and body together, in characters. The longest real news articles are tens of
    /// thousands of characters; past this a "file" is a dump or garbage, and analysing it would take minutes.
    /// </summary>
    public int MaxArticleChars { get; init; } = 500_000;

    /// <summary>How many archives may be nested inside one another (a zip inside a tar is depth 2).</summary>
    public int MaxArchiveDepth { get; init; } = 3;

    /// <summary>Skip names starting with '.' when walking folders (editor and OS droppings, VCS folders).</summary>
    public bool SkipHiddenFiles { get; init; } = true;
}
