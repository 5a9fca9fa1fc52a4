namespace Marsad.Analysis.Reading;

/// <summary>
/// One on-disk article format. The reader decodes the head of each file and asks every format in turn
/// whether it <see cref="Accepts"/> it, so a format is chosen by content; the name (file or archive entry)
/// is only a hint for cases content cannot settle.
/// </summary>
public interface IArticleFormat
{
    string Name { get; }

    /// <param name="head">The first few thousand decoded characters, byte-order mark removed.</param>
    /// <param name="name">File or entry name, used for its extension only.</param>
    bool Accepts(ReadOnlySpan<char> head, string name);

    /// <summary>
    /// Reads every article in the source. Records that cannot be read become failed results naming the record,
    /// and reading goes on; only damage that makes the rest unreadable ends the sequence early.
    /// </summary>
    IEnumerable<ReadResult> Read(TextSource source, CancellationToken ct);
}
