using System.IO.Compression;
using Marsad.Analysis.Entities.Neural;

namespace Marsad.Analysis.Entities;

/// <summary>
/// A trained BIO tagger: a first linear-chain stage over word features and, optionally, a second stage that
/// also sees the first stage's labels for the sentence and for repeats of each word in nearby sentences.
/// Carries the gazetteer and cluster tables its features need. Immutable, so one instance can serve many taggers.
/// </summary>
public sealed class NerModel
{
    private const uint Magic = 0x52454E4D; // "MNER"
    private const int Version = 5;
    private const string ResourceName = "Marsad.Analysis.ner.model";
    private static readonly Lazy<NerModel> Default = new(LoadEmbedded);

    internal NerModel(NerStage first, NerStage? second, int contextWindow, float entityBias, NerTables tables, string description)
        : this(first, second, contextWindow, entityBias, tables, description, second is null ? null : new FusedStages(first, second))
    {
    }

    private NerModel(NerStage first, NerStage? second, int contextWindow, float entityBias, NerTables tables, string description, FusedStages? fused,
        NeuralEnsemble? neural = null, float neuralWeight = 0)
    {
        Neural = neural;
        NeuralWeight = neuralWeight;
        EntityBias = entityBias;
        First = first;
        Second = second;
        ContextWindow = contextWindow;
        Tables = tables;
        Description = description;
        Fused = fused;
    }

    /// <summary>
    /// Both stages' word-feature weights under one table, built at load so that tagging (and its timing in
    /// evaluation) never pays for it; null for a one-stage model.
    /// </summary>
    internal FusedStages? Fused { get; }

    internal NerStage First { get; }
    internal NerStage? Second { get; }
    internal NerTables Tables { get; }

    /// <summary>How many sentences before and after a sentence the second stage looks at for repeats of a word.</summary>
    public int ContextWindow { get; }

    /// <summary>
    /// Added to every entity label's score in the final stage. The perceptron is conservative (precision well above
    /// recall); a small bias, chosen on held-out data, trades some of that precision for recall.
    /// </summary>
    public float EntityBias { get; }

    /// <summary>
    /// This model decoding with another <see cref="EntityBias"/> and, when it has networks, another <see cref="NeuralWeight"/>
    /// (null keeps the model's own): tuning a trained model on held-out data without retraining it.
    /// </summary>
    public NerModel WithDecoding(float? entityBias, float? neuralWeight) =>
        new(First, Second, ContextWindow, entityBias ?? EntityBias, Tables, Description, Fused, Neural, Neural is null ? 0 : neuralWeight ?? NeuralWeight);

    /// <summary>BiLSTM taggers whose mean label log-probabilities join the final-stage emissions; null when the model has none.</summary>
    internal NeuralEnsemble? Neural { get; }

    /// <summary>Weight of the neural log-probabilities against the perceptron's scores (0 without <see cref="Neural"/>).</summary>
    public float NeuralWeight { get; }

    /// <summary>This model with a neural ensemble mixed in at <paramref name="weight"/> (null: the perceptron alone).</summary>
    internal NerModel WithNeural(NeuralEnsemble? neural, float weight, string? description = null) =>
        new(First, Second, ContextWindow, EntityBias, Tables, description ?? Description, Fused, neural, neural is null ? 0 : weight);

    /// <summary>This model without the features whose weights all stay under <paramref name="fraction"/> of their stage's largest weight.</summary>
    internal NerModel Pruned(float fraction) =>
        new NerModel(Prune(First, fraction), Second is null ? null : Prune(Second, fraction), ContextWindow, EntityBias, Tables, Description).WithNeural(Neural, NeuralWeight);

    private static NerStage Prune(NerStage stage, float fraction) => stage.WithoutWeightsUnder(fraction * stage.MaxWeight());

    /// <summary>Free text recorded at training time (options, data sizes).</summary>
    public string Description { get; }

    public int FeatureCount => First.Features.Count + (Second?.Features.Count ?? 0);

    public bool UsesDocumentContext => Second is not null;

    public static IReadOnlyList<string> Labels => NerLabels.Names;

    /// <summary>The model shipped inside the assembly; loaded once per process.</summary>
    public static NerModel LoadDefault() => Default.Value;

    public static NerModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Brotli-compressed binary; feature identities are hashes, so the file holds no corpus or gazetteer text.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(brotli);
        w.Write(Magic);
        w.Write(Version);
        w.Write(Description);
        w.Write(ContextWindow);
        w.Write(EntityBias);
        First.Write(w);
        w.Write(Second is not null);
        Second?.Write(w);
        Tables.Write(w);
        w.Write(Neural is not null);
        if (Neural is null) return;
        w.Write(NeuralWeight);
        Neural.Write(w);
    }

    public static NerModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(brotli);
        if (r.ReadUInt32() != Magic) throw new InvalidDataException("Not a Marsad NER model.");
        var version = r.ReadInt32();
        if (version is not (3 or 4 or Version)) throw new InvalidDataException($"Unsupported NER model version {version}.");
        var description = r.ReadString();
        var window = r.ReadInt32();
        var bias = r.ReadSingle();
        var first = NerStage.Read(r);
        var second = r.ReadBoolean() ? NerStage.Read(r) : null;
        var tables = NerTables.Read(r);
        var model = new NerModel(first, second, window, bias, tables, description);
        // Version 3 models have no neural part.
        if (version < 4 || !r.ReadBoolean()) return model;
        var weight = r.ReadSingle();
        // Version 4 ensembles have no language model.
        return model.WithNeural(NeuralEnsemble.Read(r, withLanguageModel: version >= 5), weight);
    }

    private static NerModel LoadEmbedded()
    {
        using var stream = typeof(NerModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing; train the model and rebuild.");
        return Load(stream);
    }
}
