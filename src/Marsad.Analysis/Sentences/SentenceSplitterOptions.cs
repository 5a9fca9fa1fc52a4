namespace Marsad.Analysis.Sentences;

/// <summary>Length limits for <see cref="SentenceSplitter"/>.</summary>
public sealed record SentenceSplitterOptions
{
    public static SentenceSplitterOptions Default { get; } = new();

    /// <summary>No sentence is longer than this; longer stretches are cut where the model scores best.</summary>
    public int MaxWords { get; init; } = 60;

    /// <summary>Where the model cuts, each word a sentence runs past this costs <see cref="OverLengthCost"/> log-probability.</summary>
    public int SoftMaxWords { get; init; } = 30;

    /// <summary>Log-probability charged per word beyond <see cref="SoftMaxWords"/>; 0 leaves only the hard <see cref="MaxWords"/> limit.</summary>
    public float OverLengthCost { get; init; } = 0.1f;

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
        if (SoftMaxWords < 1) throw new ArgumentOutOfRangeException(nameof(SoftMaxWords), SoftMaxWords, "Must be at least 1.");
        if (OverLengthCost < 0 || float.IsNaN(OverLengthCost)) throw new ArgumentOutOfRangeException(nameof(OverLengthCost), OverLengthCost, "Must not be negative.");
        if (LongStretchWords < 1) throw new ArgumentOutOfRangeException(nameof(LongStretchWords), LongStretchWords, "Must be at least 1.");
    }
}
