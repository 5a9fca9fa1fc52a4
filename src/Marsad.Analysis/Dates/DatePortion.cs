namespace Marsad.Analysis.Dates;

/// <summary>The part of a week, month or year named by مطلع/منتصف/أواخر and their synonyms.</summary>
internal enum DatePortion : byte
{
    Early,
    Middle,
    Late,
}
