using Marsad.Analysis.Dates;

namespace Marsad.Analysis.Components;

/// <summary>
/// Finds the date expressions of the body and resolves relative ones against the article's own date; an undated
/// article keeps its relative mentions unresolved (see <see cref="DateExtractor"/>).
/// </summary>
public sealed class DateComponent : IPipelineComponent
{
    public string Name => "dates";

    public void Process(Document document) =>
        document.Dates.AddRange(DateExtractor.Extract(document.Body, document.Article.Date));
}
