using Marsad.Analysis.Entities.Neural;

namespace Marsad.Analysis.Entities;

/// <summary>Settings for <see cref="NerTrainer.Train"/>. Defaults are the ones chosen on the ANERcorp dev slice.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>Passes of the averaged structured perceptron over the training sentences (each stage).</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>Features seen fewer times than this in training are dropped before learning.</summary>
    public int MinFeatureCount { get; init; } = 1;

    /// <summary>Train the second, document-aware stage on top of the first.</summary>
    public bool DocumentContext { get; init; } = true;

    /// <summary>Sentences on each side searched for repeats of a word by the second stage.</summary>
    public int ContextWindow { get; init; } = 20;

    /// <summary>
    /// The second stage learns from first-stage labels produced by models that did not see the sentence
    /// (k-fold jackknife), so it trusts them only as much as they deserve on unseen text.
    /// </summary>
    public int JackknifeFolds { get; init; } = 5;

    /// <summary>
    /// Probability, per token and epoch, of hiding the token's word-identity features during training, so the
    /// model also learns to recognise names from context, clusters and gazetteers, as it must for unseen names.
    /// </summary>
    public double WordDropout { get; init; } = 0.3;

    /// <summary>See <see cref="NerModel.EntityBias"/>. Its scale follows the learner's weights: 6 suits the perceptron, 0.5 the CRF.</summary>
    public float EntityBias { get; init; } = 6f;

    /// <summary>
    /// Add <see cref="NewsProfiles"/> features: a context-only tagger labels the unlabelled news and each word's
    /// pooled labels become features. Needs <see cref="NerResources"/> with a news source.
    /// </summary>
    public bool NewsProfiles { get; init; }

    /// <summary>Word dropout of the profiling tagger (1 = it never sees the word's identity features).</summary>
    public double ProfileWordDropout { get; init; } = 1.0;

    /// <summary>Words seen fewer times than this in the news get no profile.</summary>
    public int ProfileMinCount { get; init; } = 3;

    /// <summary>
    /// Train each stage as a linear-chain CRF (SGD, L2) instead of the averaged perceptron. Without self-training
    /// (with <see cref="EntityBias"/> 0.5, one run) it beat the perceptron by 0.35 F1 in 5-fold cross-validation and
    /// 1.0 on the dev slice, but missed places of the seed article that the self-trained models find; with
    /// self-training its lead on the dev slice fell to the noise. Off by default.
    /// </summary>
    public bool Crf { get; init; }

    /// <summary>CRF: L2 strength as C, the inverse of λ·N (larger = weaker regularisation).</summary>
    public double CrfC { get; init; } = 0.2;

    /// <summary>CRF: iterates averaged per epoch over the second half of the epochs (0 = keep the last iterate).</summary>
    public int CrfSnapshotsPerEpoch { get; init; } = 10;

    /// <summary>CRF: initial SGD step size.</summary>
    public double CrfRate { get; init; } = 0.1;

    /// <summary>
    /// Self-training: add every n-th block of news sentences, labelled by a model trained on the gold data (0 = off).
    /// Worth ~0.1 F1 on ANERcorp, more on today's news: models trained without it missed سيناء and أبو ظبي in the seed.
    /// </summary>
    public int SelfTrainingStride { get; init; } = 40;

    /// <summary>Self-training rounds: with 2 the teacher is itself self-trained.</summary>
    public int SelfTrainingRounds { get; init; } = 1;

    /// <summary>Self-training: consecutive news sentences per block (tagged together, for document context).</summary>
    public int SelfTrainingBlock { get; init; } = 40;

    /// <summary>Optional feature groups and tagging steps (see <see cref="NerModelFlags"/>).</summary>
    public NerModelFlags Flags { get; init; } = NerModelFlags.LabelPropagation;

    /// <summary>
    /// Runs trained per stage, each with its own shuffle and dropout seed, whose final weights are averaged. Three
    /// steady the perceptron (+0.4–0.7 F1); the CRF already averages its iterates, and three runs gained it 0.1.
    /// </summary>
    public int AveragedRuns { get; init; } = 3;

    /// <summary>
    /// BiLSTM taggers trained beside the perceptron (seeds <see cref="NeuralTrainingOptions.Seed"/>, +1, …) over the
    /// resources' word vectors, their mean label log-probabilities added to the final-stage emissions (0 = the
    /// perceptron alone). Two trained on the gold sentences gained 1.5 F1 on the dev slice and 2.2 in 5-fold
    /// cross-validation (one: 1.7 and 1.9). With <see cref="DistillStride"/> they only teach: the model returned has none.
    /// </summary>
    public int NeuralModels { get; init; } = 2;

    /// <summary>
    /// Train the neural taggers on the self-training news sentences as well as the gold ones, as the perceptron is.
    /// Trained on ANERcorp alone they scored higher on the dev slice (+1.5 against +1.1) but, given much weight,
    /// talked the model out of سيناء, درنة and السيسي in today's news.
    /// </summary>
    public bool NeuralSilver { get; init; } = true;

    /// <summary>
    /// Weight of the neural log-probabilities against the perceptron's scores (dev slice: flat from 8 to 48, 16 chosen,
    /// and without the language model, as shipped). With the optional language model the teacher peaks at 32–96 (78.4–78.7 against 77.91), but
    /// the student of a weight-48 teacher scored 77.13 against 77.67: the student imitates the perceptron-heavy mix better.
    /// </summary>
    public float NeuralWeight { get; init; } = 16;

    /// <summary>
    /// Distillation: when above 0, the perceptron with its neural taggers (the teacher) labels every n-th block of
    /// news sentences, and the model returned is a perceptron trained on the gold sentences and those labels, without
    /// networks, so tagging costs what the perceptron alone costs. Dev slice: teacher 77.34, students 75.62 (every
    /// 40th block), 76.76 (20th), 76.67 (10th), 77.38 (5th, 3.1 million tokens); the perceptron alone 76.20.
    /// </summary>
    public int DistillStride { get; init; } = 5;

    /// <summary>
    /// The distilled student learns from millions of tokens and keeps ~1.2 million features (7.4 MB); dropping those
    /// whose weights all stay under this fraction of the stage's largest weight kept the dev slice at 77.41 with 0.65
    /// million (4.2 MB). At 0.012: 77.30, 3.4 MB; 0.032: 77.20, 1.8 MB.
    /// </summary>
    public float DistillPruneBelow { get; init; } = 0.008f;

    /// <summary>Settings of each neural tagger (<c>--set Neural.Hidden=64</c>); ten epochs over the gold and news sentences.</summary>
    public NeuralTrainingOptions Neural { get; init; } = new() { Epochs = 10 };

    /// <summary>Seed for the per-epoch shuffle, so a run is reproducible.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Optional held-out sentences scored after every epoch of the final stage (written to <see cref="Log"/>), for tuning.</summary>
    public IReadOnlyList<ConllSentence>? Dev { get; init; }

    public TextWriter? Log { get; init; }
}
