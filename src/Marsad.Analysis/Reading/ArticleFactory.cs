namespace Marsad.Analysis.Reading;

/// <summary>
/// The one place where read fields become an <see cref="Article"/>, so every format trims, normalises line
/// endings, rejects empty articles and derives the content id the same way.
/// </summary>
internal static class ArticleFactory
{
    public static ReadResult Create(ReaderOptions options, string origin, string? title, string? body, DateOnly? date,
        string? source = null, string? url = null, string? category = null, string? @abstract = null,
        string? author = null)
    {
        var size = (long)(title?.Length ?? 0) + (body?.Length ?? 0);
        if (size > options.MaxArticleChars)
            return ReadResult.Fail(origin,
                $"article is {size:N0} characters long, over the limit of {options.MaxArticleChars:N0} (a dump or several articles in one?)");
        var cleanTitle = CleanLine(title);
        var cleanBody = CleanBlock(body);
        if (cleanTitle is null && cleanBody is null) return ReadResult.Fail(origin, "no title and no body text");
        if (cleanTitle is null) return ReadResult.Fail(origin, "no title");
        if (cleanBody is null) return ReadResult.Fail(origin, "no body text");
        var id = ContentId.Compute(cleanTitle, cleanBody);
        return ReadResult.Ok(new Article(id, cleanTitle, date, cleanBody, CleanLine(source), CleanLine(url),
            CleanLine(category), CleanBlock(@abstract), origin)
        { Author = CleanLine(author) });
    }

    // Titles and metadata are single lines; a newline inside one is layout, not content.
    private static string? CleanLine(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var t = s.Trim();
        return t.AsSpan().ContainsAny('\r', '\n') ? t.ReplaceLineEndings(" ") : t;
    }

    private static string? CleanBlock(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var t = s.Trim();
        return t.Contains('\r') ? t.ReplaceLineEndings("\n") : t;
    }
}
