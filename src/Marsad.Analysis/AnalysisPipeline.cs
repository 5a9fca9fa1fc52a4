namespace Marsad.Analysis;

/// <summary>An ordered list of components that turns an <see cref="Article"/> into an analysed <see cref="Document"/>.</summary>
public sealed class AnalysisPipeline
{
    private readonly IPipelineComponent[] _components;

    public AnalysisPipeline(IEnumerable<IPipelineComponent> components) => _components = [.. components];

    public IReadOnlyList<IPipelineComponent> Components => _components;

    public Document Run(Article article, bool keepTokens = false)
    {
        var document = new Document(article) { KeepTokens = keepTokens };
        foreach (var component in _components) component.Process(document);
        return document;
    }
}
