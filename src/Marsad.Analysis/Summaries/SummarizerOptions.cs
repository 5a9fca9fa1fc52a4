namespace Marsad.Analysis.Summaries;

/// <summary>
/// How many sentences a summary has and how each sentence is scored. A sentence's score is a weighted sum of three
/// signals, each scaled to 0..1 within the article: its position (news puts the essentials first), its TextRank
/// centrality over stem TF-IDF cosine similarity, and its similarity to the title, less a penalty for length.
/// Defaults were tuned on topic-dev against the outlets' own abstracts (ledes of about 28 words): position and
/// brevity carry almost all of the gain over lead-3 there; centrality and title similarity keep a small weight
/// because larger ones cost ROUGE on ledes, but they still break ties between similar sentences.
/// </summary>
public sealed record SummarizerOptions
{
    public static SummarizerOptions Default { get; } = new();

    /// <summary>Sentences in the summary, 1–5.</summary>
    public int SentenceCount { get; init; } = 3;

    public double PositionWeight { get; init; } = 1.0;

    public double CentralityWeight { get; init; } = 0.05;

    public double TitleWeight { get; init; } = 0.1;

    /// <summary>
    /// Penalty for length, relative to the article's longest sentence: of two sentences that say much the same, the
    /// shorter makes the tighter summary (and restored boundaries in unpunctuated text can produce run-on sentences).
    /// </summary>
    public double LengthWeight { get; init; } = 0.8;

    /// <summary>Sentences with fewer content words than this (datelines, captions, bylines) are never chosen while others remain.</summary>
    public int MinWords { get; init; } = 3;

    /// <summary>
    /// Only the first this many sentences are candidates. TextRank compares every pair of candidates, so without a
    /// cap a dump of thousands of sentences would take minutes and gigabytes; news articles have far fewer, and the
    /// position weight already makes a sentence this far down a hopeless candidate.
    /// </summary>
    public int MaxCandidates { get; init; } = 300;

    public void Validate()
    {
        if (MaxCandidates < SentenceCount) throw new ArgumentOutOfRangeException(nameof(MaxCandidates), MaxCandidates, "must be at least SentenceCount");
        if (SentenceCount is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(SentenceCount), SentenceCount, "must be 1–5");
        if (PositionWeight < 0 || CentralityWeight < 0 || TitleWeight < 0 || LengthWeight < 0) throw new ArgumentOutOfRangeException(nameof(PositionWeight), "weights must not be negative");
    }
}
