using Marsad.Analysis;

namespace Marsad.Store;

/// <summary>
/// An <see cref="Article"/> as kept by the store, with its serialized analysis and the sequence number
/// the store assigned when it was added. <see cref="Sequence"/> is ignored on input.
/// </summary>
public sealed record StoredArticle(
    string Id,
    string Title,
    DateOnly? Date,
    string Body,
    string? Source,
    string? Url,
    string? Category,
    string? Abstract,
    string Origin,
    string AnalysisJson,
    long Sequence = 0)
{
    public static StoredArticle From(Article article, string analysisJson)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new StoredArticle(
            article.Id, article.Title, article.Date, article.Body, article.Source, article.Url,
            article.Category, article.Abstract, article.Origin, analysisJson);
    }

    public Article ToArticle() => new(Id, Title, Date, Body, Source, Url, Category, Abstract, Origin);
}
