using Marsad.Analysis.Linking;
using Marsad.Analysis.Places;

namespace Marsad.Analysis.Components;

/// <summary>
/// Links the entity mentions of an article into entities (<see cref="Document.LinkedEntities"/>, an id on each
/// mention) and geocodes its places. Runs after <see cref="EntityComponent"/>.
/// </summary>
public sealed class EntityLinkingComponent(Gazetteer gazetteer) : IPipelineComponent
{
    private readonly EntityLinker _linker = new(new Geocoder(gazetteer));

    public string Name => "linking";

    public void Process(Document document) => _linker.Link(document);
}
