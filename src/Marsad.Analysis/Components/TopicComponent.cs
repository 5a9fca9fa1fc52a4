using Marsad.Analysis.Topics;

namespace Marsad.Analysis.Components;

/// <summary>Classifies the article's topic (title and body) with the shipped model, with a calibrated confidence.</summary>
public sealed class TopicComponent(TopicModel model) : IPipelineComponent
{
    public string Name => "topic";

    public void Process(Document document) => document.Topic = model.Predict(document.Article.Title, document.Body);
}
