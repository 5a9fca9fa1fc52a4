using Marsad.Analysis.Keywords;

namespace Marsad.Analysis.Components;

/// <summary>Finds the article's key phrases; runs after the sentence component, whose boundaries phrases never cross.</summary>
public sealed class KeywordComponent(KeywordExtractor extractor) : IPipelineComponent
{
    public string Name => "keywords";

    public void Process(Document document) =>
        document.Keywords.AddRange(extractor.Extract(document.Article.Title, document.Body, document.Sentences));
}
