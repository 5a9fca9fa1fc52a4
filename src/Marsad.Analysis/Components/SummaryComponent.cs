using Marsad.Analysis.Summaries;

namespace Marsad.Analysis.Components;

/// <summary>Chooses the summary sentences among <see cref="Document.Sentences"/>; runs after the sentence component.</summary>
public sealed class SummaryComponent(Summarizer summarizer) : IPipelineComponent
{
    public string Name => "summary";

    public void Process(Document document) =>
        document.Summary = summarizer.Summarize(document.Article.Title, document.Body, document.Sentences);
}
