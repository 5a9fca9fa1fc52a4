using Marsad.Analysis.Sentences;

namespace Marsad.Analysis.Components;

/// <summary>Splits the body into sentences, restoring boundaries where the text has no punctuation.</summary>
public sealed class SentenceComponent(SentenceSplitter splitter) : IPipelineComponent
{
    public string Name => "sentences";

    public void Process(Document document) => document.Sentences.AddRange(splitter.Split(document.Body));
}
