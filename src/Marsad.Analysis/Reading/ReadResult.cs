namespace Marsad.Analysis.Reading;

/// <summary>A read either yields an article or a clear error naming the file (and entry) and the reason.</summary>
public readonly record struct ReadResult(Article? Article, ReadError? Error)
{
    public static ReadResult Ok(Article article) => new(article, null);
    public static ReadResult Fail(string origin, string reason) => new(null, new ReadError(origin, reason));
}

public sealed record ReadError(string Origin, string Reason)
{
    public override string ToString() => $"{Origin}: {Reason}";
}
