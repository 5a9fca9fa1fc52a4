namespace Marsad.Analysis.Places;

/// <summary>What a gazetteer entry is; used to rank homonyms (a country before its capital, a capital before a town).</summary>
public enum PlaceKind : byte
{
    City = 0,
    Region = 1,
    Capital = 2,
    Country = 3,
}
