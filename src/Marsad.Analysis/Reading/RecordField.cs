namespace Marsad.Analysis.Reading;

/// <summary>
/// The article field a column (CSV) or property (JSON) feeds. Feeds name the same thing many ways, so the
/// mapping accepts the common English spellings and their Arabic equivalents.
/// </summary>
internal enum RecordField
{
    None,
    Title,
    Body,
    Date,
    Source,
    Url,
    Category,
    Abstract,
    Author,
}
