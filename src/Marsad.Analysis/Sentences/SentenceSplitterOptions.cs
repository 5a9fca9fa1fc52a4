namespace Marsad.Analysis.Sentences;

/// <summary>Length limits for <see cref="SentenceSplitter"/>.</summary>
public sealed record SentenceSplitterOptions
{
    public static SentenceSplitterOptions Default { get; } = new();

    /// <summary>No sentence is longer than this; longer stretches are cut where the model scores best.</summary>
    public int MaxWords { get; init; } = 60;

    /// <summary>Boundaries the model places never leave a sentence shorter than this, and an ellipsis needs this many words to end one.</summary>
    public int MinWords { get; init; } = 3;

    /// <summary>A stretch on an unpunctuated line longer than this is handed to the boundary model.</summary>
    public int LongStretchWords { get; init; } = 25;

    /// <summary>Overrides the model's tuned <see cref="SentenceBoundaryModel.BoundaryBias"/> when set.</summary>
    public float? BoundaryBias { get; init; }

    internal void Validate()
    {
        if (MinWords < 1) throw new ArgumentOutOfRangeException(nameof(MinWords), MinWords, "Must be at least 1.");
        if (MaxWords < 2 * MinWords)
            throw new ArgumentOutOfRangeException(nameof(MaxWords), MaxWords, "Must be at least twice MinWords so that any stretch can be cut.");
        if (LongStretchWords < 1) throw new ArgumentOutOfRangeException(nameof(LongStretchWords), LongStretchWords, "Must be at least 1.");
    }
}
