namespace Marsad.Analysis.Reading;

/// <summary>Outcome of cutting the next record out of a JSON or JSON Lines stream.</summary>
internal enum ScanStatus
{
    Record,
    End,
    Truncated,
    TooLarge,
}
