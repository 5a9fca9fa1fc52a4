namespace Marsad.Analysis;

/// <summary>A named-entity mention: its type (PERS, LOC, ORG, MISC) and char offsets into the body.</summary>
public sealed record EntityMention(string Type, int Start, int End, string Text)
{
    /// <summary>The entity this mention refers to (set by entity linking; null before it runs).</summary>
    public string? EntityId { get; set; }
}
