namespace Marsad.Analysis.Reading;

/// <summary>Raised by <see cref="BoundedReadStream"/> when decompressed data passes the configured cap.</summary>
internal sealed class EntryTooLargeException(long limit)
    : IOException($"decompressed size exceeds the limit of {limit:N0} bytes (possible archive bomb)")
{
    public long Limit { get; } = limit;
}
