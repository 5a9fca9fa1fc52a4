namespace Marsad.Analysis.Dates;

/// <summary>What a <see cref="DateToken"/> is made of.</summary>
internal enum DateTokenShape : byte
{
    Word,
    Number,
    Symbol,
}
