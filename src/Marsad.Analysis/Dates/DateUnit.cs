namespace Marsad.Analysis.Dates;

/// <summary>The units relative expressions count in.</summary>
internal enum DateUnit : byte
{
    Day,
    Week,
    Month,
    Year,
    Decade,
}
