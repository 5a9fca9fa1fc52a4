using Marsad.Analysis.Components;
using Marsad.Analysis.Events;
using Marsad.Analysis.Places;
using Marsad.Analysis.Keywords;
using Marsad.Analysis.Sentences;
using Marsad.Analysis.Summaries;
using Marsad.Analysis.Topics;

namespace Marsad.Analysis;

/// <summary>The pipeline <c>marsad analyze</c> and ingest run, with the models that ship with Marsad.</summary>
public static class DefaultPipeline
{
    public static AnalysisPipeline Create() => Build(EventExtractor.Default);

    /// <summary>
    /// The default pipeline, with the event lexicon a user imported into <paramref name="dataDirectory"/>
    /// (<c>marsad events import-dictionary</c>, <see cref="EventLexicon.ImportedFileName"/>) added to the built-in one
    /// when that file exists.
    /// </summary>
    public static AnalysisPipeline Create(string? dataDirectory) => Build(Events(dataDirectory));

    /// <summary>The event extractor for a data folder: the built-in one unless the folder holds an imported lexicon.</summary>
    public static EventExtractor Events(string? dataDirectory) =>
        dataDirectory is not null && File.Exists(Path.Combine(dataDirectory, EventLexicon.ImportedFileName))
            ? new EventExtractor(EventLexicon.Load(dataDirectory))
            : EventExtractor.Default;

    private static AnalysisPipeline Build(EventExtractor events) => new(
    [
        new TokenComponent(),
        new SentenceComponent(SentenceSplitter.Default),
        new KeywordComponent(KeywordExtractor.Default),
        new SummaryComponent(Summarizer.Default),
        new EntityComponent(Gazetteer.Default),
        new EntityLinkingComponent(Gazetteer.Default),
        new TopicComponent(TopicModel.LoadDefault()),
        new DateComponent(),
        new EventComponent(events),
    ]);
}
