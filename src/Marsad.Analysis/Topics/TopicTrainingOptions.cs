namespace Marsad.Analysis.Topics;

/// <summary>
/// Knobs for <see cref="TopicTrainer"/>. The defaults are the values chosen on the dev split; the feature
/// settings are stored in the model so that prediction always featurises the way training did.
/// </summary>
public sealed record TopicTrainingOptions
{
    /// <summary>Feature-hashing table size is 2^HashBits buckets.</summary>
    public int HashBits { get; init; } = 21;

    /// <summary>SVM cost: larger fits the training data harder.</summary>
    public double C { get; init; } = 0.5;

    /// <summary>Exponent on the inverse class frequency used to scale C per class (0 = unweighted, 1 = balanced).</summary>
    public double ClassWeightPower { get; init; }

    public int MaxEpochs { get; init; } = 40;

    /// <summary>Dual coordinate descent stops when the projected-gradient spread falls below this.</summary>
    public double Tolerance { get; init; } = 0.1;

    public float WordWeight { get; init; } = 1f;
    public float StemWeight { get; init; } = 1f;
    public float BigramWeight { get; init; } = 1f;
    public float CharWeight { get; init; } = 1f;
    public float TitleWeight { get; init; } = 1f;
    public float GeoWeight { get; init; } = 1f;

    /// <summary>Character n-grams of each word (with boundary marks) run from MinCharGram to MaxCharGram; 0 disables them.</summary>
    public int MinCharGram { get; init; } = 3;
    public int MaxCharGram { get; init; } = 5;

    /// <summary>Weights smaller than this fraction of a class's largest weight are dropped before quantisation.</summary>
    public double PruneFraction { get; init; }

    public int Seed { get; init; } = 17;

    /// <summary>Classes are trained one-vs-rest in parallel on this many threads.</summary>
    public int Threads { get; init; } = 2;
}
