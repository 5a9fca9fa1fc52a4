namespace Marsad.Analysis.Entities;

/// <summary>Settings for <see cref="NerTrainer.Train"/>. Defaults are the ones chosen on the ANERcorp dev slice.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>Passes of the averaged structured perceptron over the training sentences.</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>Features seen fewer times than this in training are dropped before learning.</summary>
    public int MinFeatureCount { get; init; } = 1;

    /// <summary>Seed for the per-epoch shuffle, so a run is reproducible.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Optional held-out sentences scored after every epoch (written to <see cref="Log"/>), for tuning.</summary>
    public IReadOnlyList<ConllSentence>? Dev { get; init; }

    public TextWriter? Log { get; init; }
}
