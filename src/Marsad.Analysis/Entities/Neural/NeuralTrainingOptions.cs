namespace Marsad.Analysis.Entities.Neural;

/// <summary>Settings for <see cref="NeuralTrainer.Train"/>.</summary>
public sealed record NeuralTrainingOptions
{
    /// <summary>LSTM units per direction.</summary>
    public int Hidden { get; init; } = 48;

    /// <summary>Width of each trained affix and shape embedding.</summary>
    public int Embedding { get; init; } = 8;

    public int AffixBuckets { get; init; } = 1 << 14;

    /// <summary>Also read the perceptron's word clusters, gazetteer matches and trigger classes as embedded inputs.</summary>
    public bool Lexical { get; init; }

    public int Epochs { get; init; } = 25;

    /// <summary>Adam step size, divided by 1 + <see cref="Decay"/>·epoch.</summary>
    public float LearningRate { get; init; } = 0.002f;

    public float Decay { get; init; } = 0.1f;

    /// <summary>Sentences per update.</summary>
    public int Batch { get; init; } = 8;

    public float InputDropout { get; init; } = 0.4f;

    public float OutputDropout { get; init; } = 0.3f;

    /// <summary>Largest gradient norm of an update; larger ones are scaled down to it.</summary>
    public float Clip { get; init; } = 5f;

    public int Seed { get; init; } = 17;

    /// <summary>
    /// Train a <see cref="NewsLanguageModel"/> on the news (when the resources carry news) and let the taggers read
    /// its states. Off: over two network seeds on the dev slice the teacher gains (77.91 and 77.47 against 77.34 and
    /// 77.33) but the distilled student, the model that ships, does not (77.67 and 76.76 against 77.41 and 76.91),
    /// and the language model doubles training time (docs/RESULTS.md, eighth to tenth sessions).
    /// </summary>
    public bool LanguageModel { get; init; }

    /// <summary>LSTM units per direction of the language model.</summary>
    public int LanguageModelHidden { get; init; } = 128;

    public int LanguageModelEpochs { get; init; } = 2;

    /// <summary>The language model reads every n-th block of news sentences (blocks as in self-training).</summary>
    public int LanguageModelStride { get; init; } = 5;

    public float LanguageModelDropout { get; init; } = 0.2f;
}
