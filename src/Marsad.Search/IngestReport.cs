namespace Marsad.Search;

/// <summary>Counts of one ingest run: articles read, newly added, already stored (skipped), and read errors.</summary>
public sealed record IngestReport(long Read, long Added, long Skipped, long Errors);
