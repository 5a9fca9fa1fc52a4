namespace Marsad.Analysis.Entities.Neural;

/// <summary>
/// Label log-probabilities from a <see cref="NeuralNerModel"/>. The input projection of a token depends only on
/// its string, so it is cached per word type and a tagged token costs only the recurrences and the output layer.
/// Holds buffers and the cache: one instance per thread.
/// </summary>
internal sealed class NeuralTagger(NeuralNerModel model)
{
    private const int L = NerLabels.Count;

    /// <summary>Bounds the projection cache (each entry is 8H floats); it is emptied when full.</summary>
    private const int MaxCached = 50_000;

    private readonly BiLstm _net = model.Network;
    private readonly TokenInputs _inputs = new();
    private readonly Dictionary<string, float[]> _projections = new(StringComparer.Ordinal);
    private readonly float[] _x = new float[model.Network.InputSize];
    private float[] _pre0 = [], _pre1 = [], _c0 = [], _c1 = [], _t0 = [], _t1 = [], _h0 = [], _h1 = [];

    /// <summary>Writes n × 9 label log-probabilities of the sentence into <paramref name="output"/>.</summary>
    public void LogProbabilities(IReadOnlyList<string> tokens, Span<float> output)
    {
        var n = tokens.Count;
        if (n == 0) return;
        Ensure(n);
        var g = 4 * _net.Hidden;
        var h = _net.Hidden;
        var extracted = false;
        for (var t = 0; t < n; t++)
        {
            if (!_projections.TryGetValue(tokens[t], out var projection))
            {
                if (!extracted)
                {
                    _inputs.Extract(tokens, model.Vectors, _net.AffixBuckets);
                    extracted = true;
                }
                projection = new float[2 * g];
                _net.Input(_inputs, t, model.Vectors, _x);
                _net.Project(0, _x, projection.AsSpan(0, g));
                _net.Project(1, _x, projection.AsSpan(g, g));
                if (_projections.Count >= MaxCached) _projections.Clear();
                _projections[tokens[t]] = projection;
            }
            projection.AsSpan(0, g).CopyTo(_pre0.AsSpan(t * g, g));
            projection.AsSpan(g, g).CopyTo(_pre1.AsSpan(t * g, g));
        }
        _net.Recur(0, n, _pre0, _c0, _t0, _h0);
        _net.Recur(1, n, _pre1, _c1, _t1, _h1);
        for (var t = 0; t < n; t++)
            _net.Output(_h0.AsSpan(t * h, h), _h1.AsSpan(t * h, h), output.Slice(t * L, L));
    }

    private void Ensure(int n)
    {
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
