using Marsad.Analysis.Components;
using Marsad.Analysis.Places;
using Marsad.Analysis.Keywords;
using Marsad.Analysis.Sentences;
using Marsad.Analysis.Summaries;
using Marsad.Analysis.Topics;

namespace Marsad.Analysis;

/// <summary>The pipeline <c>marsad analyze</c> and ingest run, with the models that ship with Marsad.</summary>
public static class DefaultPipeline
{
    public static AnalysisPipeline Create() => new(
    [
        new TokenComponent(),
        new SentenceComponent(SentenceSplitter.Default),
        new KeywordComponent(KeywordExtractor.Default),
        new SummaryComponent(Summarizer.Default),
        new EntityComponent(Gazetteer.Default),
        new EntityLinkingComponent(Gazetteer.Default),
        new TopicComponent(TopicModel.LoadDefault()),
        new DateComponent(),
    ]);
}
