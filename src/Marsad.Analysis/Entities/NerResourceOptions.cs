namespace Marsad.Analysis.Entities;

/// <summary>Controls how <see cref="NerResources.Build(string, NerResourceOptions?)"/> derives features from shared data.</summary>
public sealed record NerResourceOptions
{
    public bool UseGazetteers { get; init; } = true;
    public bool UseActorDictionary { get; init; } = true;
    public bool UseClusters { get; init; } = true;

    /// <summary>Upper bound on news documents read for cluster induction (reading all of them takes about a minute).</summary>
    public int MaxNewsDocuments { get; init; } = int.MaxValue;

    public int ClusterVocabulary { get; init; } = 60_000;
    public int ClusterContexts { get; init; } = 600;
    public int ClusterDimensions { get; init; } = 96;
    public int Seed { get; init; } = 17;
}
