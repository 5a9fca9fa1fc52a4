namespace Marsad.Analysis;

/// <summary>A named-entity mention: its type (PERS, LOC, ORG, MISC) and char offsets into the body.</summary>
public sealed record EntityMention(string Type, int Start, int End, string Text)
{
    /// <summary>The entity this mention refers to (set by entity linking; null before it runs).</summary>
    public string? EntityId { get; set; }

    /// <summary>The name this mention is known to denote (from <see cref="Entities.KnownEntities"/>), or null; linking uses it as the entity's name.</summary>
    public string? Canonical { get; init; }
}
