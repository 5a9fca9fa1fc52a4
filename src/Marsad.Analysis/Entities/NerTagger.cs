using Marsad.Analysis.Entities.Neural;

namespace Marsad.Analysis.Entities;

/// <summary>
/// Tags tokenised sentences with BIO labels using a <see cref="NerModel"/>. Holds reusable buffers, so use one
/// instance per thread; the model itself can be shared.
/// </summary>
public sealed class NerTagger
{
    private const int L = NerLabels.Count;
    private readonly NerModel _model;
    private readonly NerFeatureExtractor _extractor;
    private float[] _emissions = new float[64 * L];
    private float[] _scores = new float[64 * L];
    private byte[] _back = new byte[64 * L];
    private int[] _labels = new int[64];

    /// <summary>Second-stage sums of the word features for every token of the document being tagged.</summary>
    private float[] _partial = new float[1024 * L];

    private int[] _rows = new int[64 * NerFeatureExtractor.MaxFeaturesPerToken];

    /// <summary>Document-context counts of every token of the document being tagged (see <see cref="DocumentContext"/>).</summary>
    private int[] _counts = new int[1024 * DocumentContext.Kinds];

    /// <summary>Adds to the final-stage emissions (n × 9) of sentence <paramref name="sentence"/> of the batch being tagged.</summary>
    internal delegate void EmissionAdjuster(int sentence, Span<float> emissions);

    /// <summary>
    /// Experiment hook: when set, called with each sentence's final-stage emissions just before they are decoded,
    /// so another scorer's label scores can be mixed in.
    /// </summary>
    internal EmissionAdjuster? FinalEmissions { get; set; }

    /// <summary>Experiment hook like <see cref="FinalEmissions"/> for the first stage of a two-stage model, whose labels feed the document context.</summary>
    internal EmissionAdjuster? FirstStageEmissions { get; set; }

    /// <summary>One tagger per network of the model's neural ensemble (each keeps its own projection cache), or null.</summary>
    private readonly NeuralTagger[]? _neural;
    private readonly LanguageModelReader? _languageModel;

    private float[] _logProbabilities = new float[64 * L];

    public NerTagger(NerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _extractor = new NerFeatureExtractor(model.Tables);
        if (model.Neural is { } ensemble)
        {
            _neural = new NeuralTagger[ensemble.Members.Count];
            _languageModel = ensemble.LanguageModel is null ? null : new LanguageModelReader(ensemble.LanguageModel, ensemble.Vectors);
            for (var k = 0; k < _neural.Length; k++) _neural[k] = new NeuralTagger(ensemble.Members[k], model.Tables, ensemble.Projections[k], _languageModel);
        }
    }

    /// <summary>A tagger over the model shipped with the library.</summary>
    public NerTagger() : this(NerModel.LoadDefault())
    {
    }

    /// <summary>BIO tags (O, B-PERS, I-LOC, …) for whitespace tokens with clitics still attached, as in ANERcorp.</summary>
    public string[] Tag(IReadOnlyList<string> tokens)
    {
        var labels = TagLabels(tokens);
        var tags = new string[labels.Length];
        for (var i = 0; i < tags.Length; i++) tags[i] = NerLabels.Names[labels[i]];
        return tags;
    }

    /// <summary>Entity mentions of a tokenised sentence; <see cref="EntitySpan.Text"/> joins the covered tokens with spaces.</summary>
    public IReadOnlyList<EntitySpan> Entities(IReadOnlyList<string> tokens)
    {
        var tags = Tag(tokens);
        var spans = new List<EntitySpan>();
        foreach (var (type, start, end) in BioDecoder.Spans(tags))
        {
            var text = string.Join(' ', Enumerable.Range(start, end - start).Select(i => tokens[i]));
            spans.Add(new EntitySpan(type, start, end, text));
        }
        return spans;
    }

    /// <summary>Splits raw text on whitespace, detaches punctuation, and returns the entities of the token sequence.</summary>
    public IReadOnlyList<EntitySpan> Entities(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Entities(Tokenize(text));
    }

    /// <summary>Whitespace tokens with punctuation marks split off, the shape of input the model was trained on.</summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var isSpace = char.IsWhiteSpace(c);
            var isPunct = !isSpace && (char.IsPunctuation(c) || char.IsSymbol(c)) && c != '\u0640';
            if (!isSpace && !isPunct)
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
            if (isPunct) tokens.Add(text[i].ToString());
        }
        return tokens;
    }

    /// <summary>
    /// Tags consecutive sentences of one text together. With a document-aware model, a word's labels elsewhere
    /// in the surrounding sentences inform each occurrence, which is how a surname recurring alone is caught.
    /// </summary>
    public string[][] TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var labels = TagLabels(sentences);
        var tags = new string[labels.Length][];
        for (var s = 0; s < labels.Length; s++)
        {
            tags[s] = new string[labels[s].Length];
            for (var i = 0; i < labels[s].Length; i++) tags[s][i] = NerLabels.Names[labels[s][i]];
        }
        return tags;
    }

    internal int[] TagLabels(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (_model.Second is null)
        {
            _extractor.Extract(tokens);
            return Decode(_model.First, tokens, _model.EntityBias, 0);
        }
        return TagLabels([tokens])[0];
    }

    internal int[][] TagLabels(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var first = new int[sentences.Count][];
        if (_model.Second is null)
        {
            for (var s = 0; s < sentences.Count; s++)
            {
                _extractor.Extract(sentences[s]);
                first[s] = Decode(_model.First, sentences[s], _model.EntityBias, s);
            }
            return first;
        }

        // One probe per word feature scores both stages: the first stage's emissions go straight to Viterbi, the
        // second stage's partial sums wait until the first-stage labels of the whole document give the stacked
        // features. Same features in the same order as stacking them after the word features, so the same floats.
        var fused = _model.Fused!;
        var keys = new uint[sentences.Count][];
        var continues = new bool[sentences.Count][];
        // The first feature of each token is its normalised word's identity: the key label propagation matches on.
        var words = (_model.Tables.Flags & NerModelFlags.LabelPropagation) != 0 ? new uint[sentences.Count][] : null;
        var starts = new int[sentences.Count + 1];
        for (var s = 0; s < sentences.Count; s++) starts[s + 1] = starts[s] + sentences[s].Count;
        var total = starts[sentences.Count];
        if (_partial.Length < total * L) _partial = new float[Math.Max(total * L, _partial.Length * 2)];
        var partial = _partial.AsSpan(0, total * L);
        partial.Clear();
        for (var s = 0; s < sentences.Count; s++)
        {
            var n = sentences[s].Count;
            _extractor.Extract(sentences[s]);
            EnsureCapacity(n);
            var emissions = _emissions.AsSpan(0, n * L);
            emissions.Clear();
            var features = _extractor.Features;
            if (_rows.Length < features.Length) _rows = new int[Math.Max(features.Length, _rows.Length * 2)];
            fused.AddEmissions(features, _extractor.Offsets, n, emissions, partial.Slice(starts[s] * L, n * L), _rows);
            if (n > 0) FirstStageEmissions?.Invoke(s, emissions);
            continues[s] = _extractor.ContinuesEntity.ToArray();
            first[s] = Viterbi(_model.First, n, continues[s]);
            keys[s] = _extractor.DocumentKeys.ToArray();
            if (words is not null)
            {
                var w = new uint[n];
                for (var i = 0; i < n; i++) w[i] = features[_extractor.Offsets[i]];
                words[s] = w;
            }
        }
        if (_counts.Length < total * DocumentContext.Kinds) _counts = new int[Math.Max(total * DocumentContext.Kinds, _counts.Length * 2)];
        var counts = _counts.AsSpan(0, total * DocumentContext.Kinds);
        DocumentContext.Count(keys, first, _model.ContextWindow, counts);
        var result = new int[sentences.Count][];
        var second = _model.Second;
        var index = second.Features;
        var weights = second.Weights;
        Span<uint> extra = stackalloc uint[StackedFeatures.MaxPerToken];
        for (var s = 0; s < sentences.Count; s++)
        {
            var n = first[s].Length;
            EnsureCapacity(n);
            var emissions = _emissions.AsSpan(0, n * L);
            partial.Slice(starts[s] * L, n * L).CopyTo(emissions);
            for (var i = 0; i < n; i++)
            {
                var e = emissions.Slice(i * L, L);
                var m = StackedFeatures.Write(extra, i, first[s], counts.Slice(starts[s] * DocumentContext.Kinds, n * DocumentContext.Kinds));
                for (var k = 0; k < m; k++)
                {
                    var row = index.Get(extra[k]);
                    if (row < 0) continue;
                    var w = weights.AsSpan(row * L, L);
                    for (var y = 0; y < L; y++) e[y] += w[y];
                }
            }
            AddBias(emissions, n, _model.EntityBias);
            AddNeural(sentences[s], emissions);
            if (n > 0) FinalEmissions?.Invoke(s, emissions);
            result[s] = Viterbi(second, n, continues[s]);
        }
        if (words is not null) LabelPropagation.Apply(words, result, _model.ContextWindow);
        return result;
    }

    /// <summary>Scores and decodes the sentence whose features the extractor holds with a one-stage model.</summary>
    private int[] Decode(NerStage stage, IReadOnlyList<string> tokens, float entityBias, int sentence)
    {
        var n = tokens.Count;
        if (n == 0) return [];
        EnsureCapacity(n);
        var emissions = _emissions.AsSpan(0, n * L);
        emissions.Clear();
        stage.AddEmissions(_extractor.Features, _extractor.Offsets, n, emissions);
        AddBias(emissions, n, entityBias);
        AddNeural(tokens, emissions);
        FinalEmissions?.Invoke(sentence, emissions);
        return Viterbi(stage, n, _extractor.ContinuesEntity);
    }

    /// <summary>Adds the neural ensemble's mean label log-probabilities, times <see cref="NerModel.NeuralWeight"/>.</summary>
    private void AddNeural(IReadOnlyList<string> tokens, Span<float> emissions)
    {
        if (_neural is null || tokens.Count == 0) return;
        var size = tokens.Count * L;
        if (_logProbabilities.Length < size) _logProbabilities = new float[Math.Max(size, _logProbabilities.Length * 2)];
        var logp = _logProbabilities.AsSpan(0, size);
        var weight = _model.NeuralWeight / _neural.Length;
        _languageModel?.Read(tokens);
        foreach (var network in _neural)
        {
            network.LogProbabilities(tokens, logp);
            for (var k = 0; k < size; k++) emissions[k] += weight * logp[k];
        }
    }

    private static void AddBias(Span<float> emissions, int n, float entityBias)
    {
        if (entityBias != 0)
            for (var i = 0; i < n; i++)
                for (var y = 1; y < L; y++) emissions[i * L + y] += entityBias;
    }

    /// <summary>Best path over the first n rows of the emission buffer.</summary>
    private int[] Viterbi(NerStage stage, int n, ReadOnlySpan<bool> continuesEntity)
    {
        if (n == 0) return [];
        BioDecoder.Decode(_emissions.AsSpan(0, n * L), stage.Transitions, stage.Start, n, continuesEntity, _labels, _scores, _back);
        return _labels.AsSpan(0, n).ToArray();
    }

    private void EnsureCapacity(int n)
    {
        if (_labels.Length >= n) return;
        var size = Math.Max(n, _labels.Length * 2);
        _emissions = new float[size * L];
        _scores = new float[size * L];
        _back = new byte[size * L];
        _labels = new int[size];
    }
}
