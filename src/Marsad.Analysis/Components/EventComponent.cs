using Marsad.Analysis.Events;

namespace Marsad.Analysis.Components;

/// <summary>
/// Extracts events (who did what to whom, where, when, and whether it happened). Runs last: it reads the sentences,
/// linked entities, places and dates the earlier components found.
/// </summary>
public sealed class EventComponent(EventExtractor extractor) : IPipelineComponent
{
    public string Name => "events";

    public void Process(Document document) => document.Events.AddRange(extractor.Extract(document));
}
