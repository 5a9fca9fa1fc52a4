namespace Marsad.Analysis.Entities;

/// <summary>An entity mention over tokens [Start, End) of a sentence.</summary>
public readonly record struct EntitySpan(string Type, int Start, int End, string Text)
{
    public int Length => End - Start;
}
