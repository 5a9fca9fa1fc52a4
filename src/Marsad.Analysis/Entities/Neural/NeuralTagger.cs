using System.Runtime.CompilerServices;

namespace Marsad.Analysis.Entities.Neural;

/// <summary>
/// Label log-probabilities from a <see cref="NeuralNerModel"/>. The input projection of a token depends only on
/// its string, so it is cached per word type and a tagged token costs only the recurrences and the output layer.
/// Gazetteer inputs depend on the neighbouring words, so their projection is added per occurrence (cached per
/// combination of kinds). Holds buffers and the caches: one instance per thread.
/// </summary>
/// <remarks>
/// A network that reads a language model takes its states from <paramref name="languageModel"/>, which the caller
/// reads for each sentence before asking every network of the ensemble; without one the tagger reads its own.
/// </remarks>
internal sealed class NeuralTagger(NeuralNerModel model, NerTables? tables = null, ProjectionCache? projections = null, LanguageModelReader? languageModel = null)
{
    private const int L = NerLabels.Count;

    /// <summary>Bounds a private projection cache (each entry is 8H floats).</summary>
    private const int MaxCached = 50_000;

    private readonly BiLstm _net = model.Network;
    private readonly TokenInputs _inputs = new();
    private readonly ProjectionCache _projections = projections ?? new ProjectionCache(MaxCached, 8 * model.Network.Hidden);
    private readonly Dictionary<int, float[]> _contextual = [];
    private readonly NerFeatureExtractor? _lexicon = model.Network.LexicalSlots > 0
        ? new NerFeatureExtractor(tables ?? throw new ArgumentNullException(nameof(tables), "The network reads the perceptron's tables."))
        : null;
    private readonly float[] _x = new float[model.Network.InputSize];
    private readonly LanguageModelReader? _languageModel = model.LanguageModel is null ? null : languageModel ?? new LanguageModelReader(model.LanguageModel, model.Vectors);
    private readonly bool _ownsLanguageModel = model.LanguageModel is not null && languageModel is null;
    private int[] _missed = new int[64];
    private float[] _xs = [], _zs = [], _missedProjections = [];

    /// <summary>One word's projection, forward then backward direction.</summary>
    private readonly float[] _both = new float[8 * model.Network.Hidden];
    private float[] _pre0 = [], _pre1 = [], _c0 = [], _c1 = [], _t0 = [], _t1 = [], _h0 = [], _h1 = [];

    /// <summary>Writes n × 9 label log-probabilities of the sentence into <paramref name="output"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void LogProbabilities(IReadOnlyList<string> tokens, Span<float> output)
    {
        var n = tokens.Count;
        if (n == 0) return;
        Ensure(n);
        var g = 4 * _net.Hidden;
        var h = _net.Hidden;
        // Without lexical inputs a sentence of cached words needs no analysis at all.
        var extracted = false;
        if (_lexicon is not null)
        {
            _inputs.Extract(tokens, model.Vectors, _net.AffixBuckets, _lexicon);
            extracted = true;
        }
        var missed = 0;
        for (var t = 0; t < n; t++)
        {
            if (!_projections.TryCopy(tokens[t], _both))
            {
                _missed[missed++] = t;
                continue;
            }
            _both.AsSpan(0, g).CopyTo(_pre0.AsSpan(t * g, g));
            _both.AsSpan(g, g).CopyTo(_pre1.AsSpan(t * g, g));
        }
        if (missed > 0)
        {
            if (!extracted) _inputs.Extract(tokens, model.Vectors, _net.AffixBuckets);
            ProjectMissed(tokens, missed);
        }
        if (_lexicon is not null)
            for (var t = 0; t < n; t++) AddContextual(t);
        if (_languageModel is not null)
        {
            // The language model's states differ at every occurrence: projected per token, never cached.
            if (_ownsLanguageModel) _languageModel.Read(tokens);
            var all = _languageModel.States;
            var width = _net.ContextDimensions;
            var from = _net.ContextStart;
            for (var t = 0; t < n; t++)
            {
                var states = all.Slice(t * width, width);
                _net.AddProjection(0, states, from, _pre0.AsSpan(t * g, g));
                _net.AddProjection(1, states, from, _pre1.AsSpan(t * g, g));
            }
        }
        _net.Recur(0, n, _pre0, _c0, _t0, _h0);
        _net.Recur(1, n, _pre1, _c1, _t1, _h1);
        for (var t = 0; t < n; t++)
            _net.Output(_h0.AsSpan(t * h, h), _h1.AsSpan(t * h, h), output.Slice(t * L, L));
    }

    /// <summary>
    /// Projects the sentence's uncached word types together: each input weight row is read once for all of them
    /// rather than once per word (the rows, not the arithmetic, are what a projection waits on). Each sum runs in
    /// the same order as one word's own projection, so the results are the same floats.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProjectMissed(IReadOnlyList<string> tokens, int missed)
    {
        var g = 4 * _net.Hidden;
        var size = _net.InputSize;
        if (_xs.Length < missed * size) _xs = new float[Math.Max(missed * size, 2 * _xs.Length)];
        if (_zs.Length < missed * g) _zs = new float[Math.Max(missed * g, 2 * _zs.Length)];
        for (var m = 0; m < missed; m++) _net.Input(_inputs, _missed[m], model.Vectors, _xs.AsSpan(m * size, size), contextual: false);
        if (_missedProjections.Length < missed * 2 * g) _missedProjections = new float[Math.Max(missed * 2 * g, 2 * _missedProjections.Length)];
        for (var direction = 0; direction < 2; direction++)
        {
            _net.ProjectMany(direction, _xs.AsSpan(0, missed * size), missed, _zs.AsSpan(0, missed * g));
            for (var m = 0; m < missed; m++) _zs.AsSpan(m * g, g).CopyTo(_missedProjections.AsSpan((2 * m + direction) * g, g));
        }
        for (var m = 0; m < missed; m++)
        {
            var t = _missed[m];
            var both = _missedProjections.AsSpan(2 * m * g, 2 * g);
            both[..g].CopyTo(_pre0.AsSpan(t * g, g));
            both[g..].CopyTo(_pre1.AsSpan(t * g, g));
            _projections.Add(tokens[t], both);
        }
    }

    /// <summary>Adds the projection of token <paramref name="t"/>'s gazetteer inputs, when it has any.</summary>
    private void AddContextual(int t)
    {
        var begin = _inputs.Lexical[t * TokenInputs.LexicalSlots + TokenInputs.FirstContextualSlot];
        var inside = _inputs.Lexical[t * TokenInputs.LexicalSlots + TokenInputs.FirstContextualSlot + 1];
        if (begin < 0 && inside < 0) return;
        var g = 4 * _net.Hidden;
        var key = (begin + 1) * (TokenInputs.LexicalRows + 1) + inside + 1;
        if (!_contextual.TryGetValue(key, out var projection))
        {
            _net.Input(_inputs, t, model.Vectors, _x);
            var from = _net.ContextualInputStart;
            var slice = _x.AsSpan(from, _net.ContextStart - from);
            projection = new float[2 * g];
            _net.AddProjection(0, slice, from, projection.AsSpan(0, g));
            _net.AddProjection(1, slice, from, projection.AsSpan(g, g));
            _contextual[key] = projection;
        }
        SkipGram.Axpy(1, projection.AsSpan(0, g), _pre0.AsSpan(t * g, g));
        SkipGram.Axpy(1, projection.AsSpan(g, g), _pre1.AsSpan(t * g, g));
    }

    private void Ensure(int n)
    {
        if (_missed.Length < n) _missed = new int[Math.Max(n, 2 * _missed.Length)];
        var g = 4 * _net.Hidden;
        if (_pre0.Length >= n * g) return;
        n = Math.Max(n, 2 * _pre0.Length / g);
        var h = _net.Hidden;
        _pre0 = new float[n * g];
        _pre1 = new float[n * g];
        _c0 = new float[n * h];
        _c1 = new float[n * h];
        _t0 = new float[n * h];
        _t1 = new float[n * h];
        _h0 = new float[n * h];
        _h1 = new float[n * h];
    }
}
