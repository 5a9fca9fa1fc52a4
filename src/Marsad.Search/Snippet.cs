namespace Marsad.Search;

/// <summary>A passage of a body: its text, where it starts in the body, and the (start, length) of matched words within it.</summary>
public sealed record Snippet(string Text, int Start, IReadOnlyList<(int Start, int Length)> Highlights)
{
    public static readonly Snippet Empty = new(string.Empty, 0, []);
}
