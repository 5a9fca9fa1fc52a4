using Marsad.Analysis.Places;

namespace Marsad.Analysis.Linking;

/// <summary>
/// One entity of an article: every mention that refers to it carries <see cref="Id"/> as its
/// <see cref="EntityMention.EntityId"/>. <see cref="Aliases"/> are the distinct surface forms (خليفة حفتر، حفتر،
/// اللواء المتقاعد); <see cref="Place"/> is set when the entity was resolved in the gazetteer.
/// </summary>
public sealed class LinkedEntity(string id, string type, string name, Place? place)
{
    public string Id { get; } = id;

    public string Type { get; } = type;

    public string Name { get; } = name;

    public Place? Place { get; } = place;

    public List<string> Aliases { get; } = [];

    public int Mentions { get; set; }
}
