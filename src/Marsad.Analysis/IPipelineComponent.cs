namespace Marsad.Analysis;

/// <summary>
/// One stage of analysis. Components run in order over the same <see cref="Document"/> and only add to it,
/// so later stages can read what earlier ones found (spaCy's pipeline idea).
/// </summary>
public interface IPipelineComponent
{
    string Name { get; }

    void Process(Document document);
}
