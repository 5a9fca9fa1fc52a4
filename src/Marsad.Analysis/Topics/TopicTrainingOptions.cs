namespace Marsad.Analysis.Topics;

/// <summary>
/// Knobs for <see cref="TopicTrainer"/>. The defaults are the values chosen on the dev split; the feature
/// settings are stored in the model so that prediction always featurises the way training did.
/// </summary>
public sealed record TopicTrainingOptions
{
    /// <summary>Feature-hashing table size is 2^HashBits buckets.</summary>
    public int HashBits { get; init; } = 20;

    /// <summary>SVM cost: larger fits the training data harder.</summary>
    public double C { get; init; } = 2;

    /// <summary>Exponent on the inverse class frequency used to scale C per class (0 = unweighted, 1 = balanced).</summary>
    public double ClassWeightPower { get; init; } = 0.5;

    public int MaxEpochs { get; init; } = 40;

    /// <summary>
    /// Dual coordinate descent stops when the projected-gradient spread falls below this. 0.5 rather than
    /// LIBLINEAR's 0.1: dev accuracy was the same and training took half the time.
    /// </summary>
    public double Tolerance { get; init; } = 0.5;

    public float WordWeight { get; init; } = 1f;
    public float StemWeight { get; init; } = 1f;
    public float BigramWeight { get; init; } = 1f;
    public float CharWeight { get; init; } = 1f;
    public float TitleWeight { get; init; } = 1f;
    public float GeoWeight { get; init; } = 1f;

    /// <summary>
    /// Weight of orthographic-style features (punctuation and its spacing, hamza/alef-maqsura/taa-marbuta spelling,
    /// digit script, quotation marks). They carry no topic, but they identify the outlet, which the
    /// source-specific classes need.
    /// </summary>
    public float StyleWeight { get; init; } = 1f;

    /// <summary>
    /// The first <see cref="LeadTokens"/> body words (the dateline and lead sentence, which name where and what)
    /// are repeated in their own feature space with this weight.
    /// </summary>
    public float LeadWeight { get; init; } = 1f;

    public int LeadTokens { get; init; } = 40;

    /// <summary>
    /// Character n-grams of each body word (with boundary marks) run from MinCharGram to MaxCharGram; MaxCharGram 0
    /// disables them. Off by default: on dev they gained nothing over words and stems but tripled training time.
    /// </summary>
    public int MinCharGram { get; init; } = 3;
    public int MaxCharGram { get; init; }

    /// <summary>Weights smaller than this fraction of a class's largest weight are dropped before quantisation.</summary>
    public double PruneFraction { get; init; } = 0.01;

    /// <summary>
    /// Train one class per (label, source) pair and sum their probabilities per label, so each outlet's filing
    /// conventions are learnt separately. Needs a source on every training example.
    /// </summary>
    public bool SourceClasses { get; init; } = true;

    /// <summary>NB-SVM scaling: each class's SVM sees features scaled by (|log-count ratio| + NbFloor)^NbPower; 0 = off.</summary>
    public double NbPower { get; init; }

    public double NbAlpha { get; init; } = 1;

    public double NbFloor { get; init; }

    /// <summary>
    /// With <see cref="SourceClasses"/>, also train a head of plain label classes on the same features and mix
    /// the two heads' calibrated probabilities (weights fitted on dev).
    /// </summary>
    public bool LabelHead { get; init; }

    /// <summary>
    /// After calibrating on dev, train the final model on train and dev together, keeping the calibration.
    /// </summary>
    public bool RefitWithDev { get; init; }

    public int Seed { get; init; } = 17;

    /// <summary>Classes are trained one-vs-rest in parallel on this many threads.</summary>
    public int Threads { get; init; } = 2;
}
