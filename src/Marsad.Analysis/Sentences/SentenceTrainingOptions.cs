namespace Marsad.Analysis.Sentences;

/// <summary>
/// Settings for <see cref="SentenceBoundaryModel.Train"/>. The defaults are the ones the shipped model was trained
/// with (tuned on the topic dev split), so training with them reproduces it.
/// </summary>
public sealed record SentenceTrainingOptions
{
    public static SentenceTrainingOptions Default { get; } = new();

    /// <summary>Passes over the training bodies, each in a fresh shuffled order drawn from <see cref="Seed"/>.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>AdaGrad base step for the logistic loss.</summary>
    public float LearningRate { get; init; } = 0.05f;

    /// <summary>Feature hashing space is 2^HashBits weights.</summary>
    public int HashBits { get; init; } = 23;

    public int Seed { get; init; } = 20180213;

    /// <summary>A hashed feature must fire at least this often in the training text to get a weight.</summary>
    public int MinFeatureCount { get; init; } = 4;

    /// <summary>Weights smaller than this in magnitude are dropped, which keeps the saved model small.</summary>
    public float PruneBelow { get; init; } = 0.02f;

    /// <summary>Added to every gap's log-odds when decoding; positive favours more, shorter sentences.</summary>
    public float BoundaryBias { get; init; }

    /// <summary>Distributional word classes learned before training and read by the gap features; 0 learns none.</summary>
    public int WordClasses { get; init; } = 256;

    /// <summary>How many of the most frequent words get a class; rarer words share one class per shape.</summary>
    public int ClassVocabulary { get; init; } = 20000;

    /// <summary>How many of the most frequent words serve as left and right neighbours describing a word.</summary>
    public int ClassContexts { get; init; } = 500;

    /// <summary>K-means iterations when learning the word classes.</summary>
    public int ClassIterations { get; init; } = 6;

    /// <summary>
    /// Folds for the stacked second pass, which reads the first pass's scores at neighbouring gaps; the first-pass
    /// scores it trains on come from models fitted without the scored body. 0 trains the first pass only.
    /// </summary>
    public int StackFolds { get; init; }

    /// <summary>Shortest sentence an ellipsis may close when reading the reference boundaries off punctuation.</summary>
    public int MinWords { get; init; } = 3;
}
