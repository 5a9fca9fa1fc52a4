namespace Marsad.Analysis.Entities;

/// <summary>Controls how <see cref="NerResources.Build(string, NerResourceOptions?)"/> derives features from shared data.</summary>
public sealed record NerResourceOptions
{
    public bool UseGazetteers { get; init; } = true;
    public bool UseActorDictionary { get; init; } = true;
    public bool UseClusters { get; init; } = true;

    /// <summary>Add the team's <see cref="KnownEntities"/> lexicon to the gazetteer features, one bit per type.</summary>
    public bool UseKnownEntities { get; init; } = true;

    /// <summary>Upper bound on news documents read for cluster induction (reading all of them takes about a minute).</summary>
    public int MaxNewsDocuments { get; init; } = int.MaxValue;

    public int ClusterVocabulary { get; init; } = 60_000;
    public int ClusterContexts { get; init; } = 600;
    public int ClusterDimensions { get; init; } = 96;
    public int Seed { get; init; } = 17;

    /// <summary>Word vectors for the clusters: skip-gram with negative sampling (true) or a truncated SVD of neighbour PPMI (false).</summary>
    public bool SkipGramVectors { get; init; }

    /// <summary>Record the news frequency bucket of every word seen at least this often (0 = off), beside its cluster.</summary>
    public int FrequencyMinCount { get; init; }

    /// <summary>Also build a second clustering from skip-gram vectors, used alongside the first.</summary>
    public bool SecondClusters { get; init; }

    /// <summary>
    /// Brown clusters (<see cref="BrownClusterer"/>) as the word clusters (true), or the older PPMI/SVD k-means tree of
    /// <see cref="WordClusterBuilder"/> (false; <see cref="ClusterContexts"/>, <see cref="ClusterDimensions"/>,
    /// <see cref="SkipGramVectors"/> and <see cref="FrequencyMinCount"/> apply to that tree only). Brown clusters
    /// gave +0.5 to +0.6 F1 in cross-validation for a slower build (~50 s instead of ~10 s).
    /// </summary>
    public bool BrownClusters { get; init; } = true;

    /// <summary>Most frequent news words given a Brown cluster (40,000 and 80,000 did less well than 60,000).</summary>
    public int BrownVocabulary { get; init; } = 60_000;

    /// <summary>Active Brown clusters, which is also the number of leaves (128 did worse; the time grows as the square).</summary>
    public int BrownClasses { get; init; } = 256;

    /// <summary>Train skip-gram word vectors from the news for the neural taggers (<see cref="NerTrainingOptions.NeuralModels"/>).</summary>
    public bool WordVectors { get; init; } = true;

    /// <summary>Most frequent news words given a vector (50,000 lost 0.8 F1 of the neural tagger alone on the dev slice).</summary>
    public int VectorVocabulary { get; init; } = 100_000;

    /// <summary>Vector width (32 lost 1.9 F1 of the neural tagger alone and 0.7 of the combination on the dev slice).</summary>
    public int VectorDimensions { get; init; } = 64;

    public int VectorEpochs { get; init; } = 2;

    public int VectorWindow { get; init; } = 3;

    public int SkipGramWindow { get; init; } = 3;
    public int SkipGramEpochs { get; init; } = 2;
    public int SkipGramDimensions { get; init; } = 100;
}
