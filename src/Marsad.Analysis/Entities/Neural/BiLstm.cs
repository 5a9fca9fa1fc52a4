using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Marsad.Analysis.Entities.Neural;

/// <summary>
/// A one-layer bidirectional LSTM over per-token inputs with a softmax over the BIO labels, with its gradient
/// written out by hand. The input of a token is its fixed word and stem vectors (scaled so components have unit
/// variance) followed by trained embeddings of its shape and hashed affixes. All parameters live in one array,
/// so the optimiser and the gradient check see a flat vector.
/// </summary>
/// <remarks>
/// Weight matrices are stored input-major (a row per input component, 4H gates wide) so that both the forward
/// product and the weight gradient are sums of scaled rows, which vectorise without horizontal adds.
/// </remarks>
internal sealed class BiLstm
{
    public const int Labels = NerLabels.Count;

    public BiLstm(int wordDimensions, int hidden, int embedding, int affixBuckets, bool lexical = false, int contextDimensions = 0)
    {
        WordDimensions = wordDimensions;
        Hidden = hidden;
        Embedding = embedding;
        AffixBuckets = affixBuckets;
        LexicalSlots = lexical ? TokenInputs.LexicalSlots : 0;
        ContextDimensions = contextDimensions;
        InputSize = 2 * wordDimensions + (TokenInputs.AffixSlots + 1 + LexicalSlots) * embedding + contextDimensions;
        var g = 4 * hidden;
        var at = 0;
        AffixOffset = at; at += affixBuckets * embedding;
        ShapeOffset = at; at += TokenInputs.ShapeCount * embedding;
        LexicalOffset = at; at += lexical ? TokenInputs.LexicalRows * embedding : 0;
        for (var d = 0; d < 2; d++)
        {
            InputWeights[d] = at; at += InputSize * g;
            RecurrentWeights[d] = at; at += hidden * g;
            Bias[d] = at; at += g;
        }
        OutputWeights = at; at += Labels * 2 * hidden;
        OutputBias = at; at += Labels;
        Parameters = new float[at];
    }

    public int WordDimensions { get; }
    public int Hidden { get; }
    public int Embedding { get; }
    public int AffixBuckets { get; }
    public int InputSize { get; }

    /// <summary>Lexical inputs read (<see cref="TokenInputs.LexicalSlots"/>, or 0 for a model without them).</summary>
    public int LexicalSlots { get; }

    /// <summary>
    /// Fixed per-occurrence inputs at the end of the input vector (<see cref="TokenInputs.Context"/>: a news
    /// language model's states), read but not trained; 0 for a model without them.
    /// </summary>
    public int ContextDimensions { get; }

    /// <summary>Where the context inputs start: the trained part of the input ends here.</summary>
    public int ContextStart => InputSize - ContextDimensions;

    /// <summary>Where the gazetteer slots, which depend on the neighbouring words, start in the input vector.</summary>
    public int ContextualInputStart => 2 * WordDimensions + (TokenInputs.AffixSlots + 1 + TokenInputs.FirstContextualSlot) * Embedding;

    /// <summary>Where the trained (embedding) part of the input starts; the word and stem vectors come first.</summary>
    public int TrainedInputStart => 2 * WordDimensions;

    public float[] Parameters { get; }

    public int AffixOffset { get; }
    public int ShapeOffset { get; }
    public int LexicalOffset { get; }
    public int[] InputWeights { get; } = new int[2];
    public int[] RecurrentWeights { get; } = new int[2];
    public int[] Bias { get; } = new int[2];
    public int OutputWeights { get; }
    public int OutputBias { get; }

    /// <summary>Rounds every parameter to float16, the precision a shipped model stores (see <see cref="NeuralEnsemble"/>).</summary>
    public void RoundToHalf()
    {
        var p = Parameters;
        for (var i = 0; i < p.Length; i++) p[i] = (float)(Half)p[i];
    }

    /// <summary>Glorot-uniform weights, forget-gate bias 1 (so early training remembers), unit-scale embeddings.</summary>
    public void Initialize(int seed)
    {
        var rng = new Random(seed);
        var p = Parameters;
        void Fill(int offset, int length, double limit)
        {
            for (var i = 0; i < length; i++) p[offset + i] = (float)((rng.NextDouble() * 2 - 1) * limit);
        }
        var g = 4 * Hidden;
        Fill(AffixOffset, AffixBuckets * Embedding, 1);
        Fill(ShapeOffset, TokenInputs.ShapeCount * Embedding, 1);
        Fill(LexicalOffset, LexicalSlots > 0 ? TokenInputs.LexicalRows * Embedding : 0, 1);
        for (var d = 0; d < 2; d++)
        {
            var limit = Math.Sqrt(6.0 / (InputSize + Hidden + g));
            Fill(InputWeights[d], InputSize * g, limit);
            Fill(RecurrentWeights[d], Hidden * g, limit);
            Array.Clear(p, Bias[d], g);
            for (var h = 0; h < Hidden; h++) p[Bias[d] + Hidden + h] = 1;
        }
        Fill(OutputWeights, Labels * 2 * Hidden, Math.Sqrt(6.0 / (2 * Hidden + Labels)));
        Array.Clear(p, OutputBias, Labels);
    }

    /// <summary>
    /// The input vector of token <paramref name="t"/>; without <paramref name="contextual"/> the gazetteer slots
    /// and the context inputs are left zero, which is the part of the input that is a function of the word alone.
    /// </summary>
    public void Input(TokenInputs inputs, int t, WordVectors vectors, Span<float> x, bool contextual = true)
    {
        var wd = WordDimensions;
        var scale = MathF.Sqrt(wd);
        var word = inputs.Words[t];
        var stem = inputs.Stems[t];
        Scaled(word, x[..wd]);
        Scaled(stem, x.Slice(wd, wd));
        var e = Embedding;
        var at = 2 * wd;
        Parameters.AsSpan(ShapeOffset + inputs.Shapes[t] * e, e).CopyTo(x.Slice(at, e));
        at += e;
        for (var k = 0; k < TokenInputs.AffixSlots; k++, at += e)
            Parameters.AsSpan(AffixOffset + inputs.Affixes[t * TokenInputs.AffixSlots + k] * e, e).CopyTo(x.Slice(at, e));
        for (var k = 0; k < LexicalSlots; k++, at += e)
        {
            var row = inputs.Lexical[t * TokenInputs.LexicalSlots + k];
            if (row < 0 || (!contextual && k >= TokenInputs.FirstContextualSlot)) x.Slice(at, e).Clear();
            else Parameters.AsSpan(LexicalOffset + row * e, e).CopyTo(x.Slice(at, e));
        }
        if (ContextDimensions > 0)
        {
            var context = x.Slice(at, ContextDimensions);
            if (contextual) inputs.Context.AsSpan(t * ContextDimensions, ContextDimensions).CopyTo(context);
            else context.Clear();
        }

        void Scaled(int id, Span<float> target)
        {
            if (id < 0)
            {
                target.Clear();
                return;
            }
            var v = vectors.Vector(id);
            for (var i = 0; i < target.Length; i++) target[i] = v[i] * scale;
        }
    }

    /// <summary>Bias plus input projection of one direction: <paramref name="z"/> = b + Σ x[j]·W[j,:].</summary>
    public void Project(int direction, ReadOnlySpan<float> x, Span<float> z)
    {
        Parameters.AsSpan(Bias[direction], 4 * Hidden).CopyTo(z);
        AddProjection(direction, x, 0, z);
    }

    /// <summary>
    /// <see cref="Project"/> for <paramref name="count"/> inputs at once (rows of <paramref name="x"/> and
    /// <paramref name="z"/>), reading each weight row once; every row's sum runs in the same order as Project's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ProjectMany(int direction, ReadOnlySpan<float> x, int count, Span<float> z)
    {
        var g = 4 * Hidden;
        var size = InputSize;
        var bias = Parameters.AsSpan(Bias[direction], g);
        for (var m = 0; m < count; m++) bias.CopyTo(z.Slice(m * g, g));
        var w = Parameters.AsSpan(InputWeights[direction], size * g);
        for (var j = 0; j < size; j++)
        {
            var row = w.Slice(j * g, g);
            for (var m = 0; m < count; m++)
            {
                var v = x[m * size + j];
                if (v != 0) SkipGram.Axpy(v, row, z.Slice(m * g, g));
            }
        }
    }

    /// <summary><paramref name="z"/> += Σ x[j]·W[from + j,:]: the projection of a slice of the input that starts at <paramref name="from"/>.</summary>
    public void AddProjection(int direction, ReadOnlySpan<float> x, int from, Span<float> z)
    {
        var g = 4 * Hidden;
        var w = Parameters.AsSpan(InputWeights[direction] + from * g, x.Length * g);
        for (var j = 0; j < x.Length; j++)
            if (x[j] != 0) SkipGram.Axpy(x[j], w.Slice(j * g, g), z);
    }

    /// <summary>
    /// Runs one direction over projected inputs <paramref name="pre"/> (n × 4H, consumed: overwritten with the
    /// gate activations i, f, g, o) and writes the cell states, their tanh and the hidden states (n × H each).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Recur(int direction, int n, Span<float> pre, Span<float> cells, Span<float> cellTanh, Span<float> hidden)
    {
        var h = Hidden;
        var g = 4 * h;
        var wh = Parameters.AsSpan(RecurrentWeights[direction], h * g);
        var previous = -1;
        for (var s = 0; s < n; s++)
        {
            var t = direction == 0 ? s : n - 1 - s;
            var z = pre.Slice(t * g, g);
            if (previous >= 0) AddRecurrent(wh, hidden.Slice(previous * h, h), z);
            var c = cells.Slice(t * h, h);
            var tc = cellTanh.Slice(t * h, h);
            var ht = hidden.Slice(t * h, h);
            var k = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var w = Vector<float>.Count;
                ref var rz = ref MemoryMarshal.GetReference(z);
                var one = Vector<float>.One;
                var two = new Vector<float>(2f);
                for (; k <= h - w; k += w)
                {
                    var i = VectorSigmoid(Vector.LoadUnsafe(ref rz, (nuint)k));
                    var f = VectorSigmoid(Vector.LoadUnsafe(ref rz, (nuint)(h + k)));
                    var u = two * VectorSigmoid(two * Vector.LoadUnsafe(ref rz, (nuint)(2 * h + k))) - one;
                    var o = VectorSigmoid(Vector.LoadUnsafe(ref rz, (nuint)(3 * h + k)));
                    i.StoreUnsafe(ref rz, (nuint)k);
                    f.StoreUnsafe(ref rz, (nuint)(h + k));
                    u.StoreUnsafe(ref rz, (nuint)(2 * h + k));
                    o.StoreUnsafe(ref rz, (nuint)(3 * h + k));
                    var cell = i * u;
                    if (previous >= 0) cell += f * new Vector<float>(cells.Slice(previous * h + k, w));
                    var tanh = two * VectorSigmoid(two * cell) - one;
                    cell.CopyTo(c[k..]);
                    tanh.CopyTo(tc[k..]);
                    (o * tanh).CopyTo(ht[k..]);
                }
            }
            for (; k < h; k++)
            {
                var i = Sigmoid(z[k]);
                var f = Sigmoid(z[h + k]);
                var u = MathF.Tanh(z[2 * h + k]);
                var o = Sigmoid(z[3 * h + k]);
                z[k] = i;
                z[h + k] = f;
                z[2 * h + k] = u;
                z[3 * h + k] = o;
                var cell = i * u + (previous >= 0 ? f * cells[previous * h + k] : 0);
                c[k] = cell;
                tc[k] = MathF.Tanh(cell);
                ht[k] = o * tc[k];
            }
            previous = t;
        }
    }

    /// <summary>
    /// <paramref name="z"/> += Σ_k h[k]·W[k,:], a block of z kept in a register across all k rather than
    /// read and written back once per k.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddRecurrent(ReadOnlySpan<float> wh, ReadOnlySpan<float> h, Span<float> z)
    {
        var g = z.Length;
        var w = Vector<float>.Count;
        ref var rw = ref MemoryMarshal.GetReference(wh);
        ref var rz = ref MemoryMarshal.GetReference(z);
        var b = 0;
        for (; b <= g - w; b += w)
        {
            var acc = Vector.LoadUnsafe(ref rz, (nuint)b);
            for (var k = 0; k < h.Length; k++)
                acc += new Vector<float>(h[k]) * Vector.LoadUnsafe(ref rw, (nuint)(k * g + b));
            acc.StoreUnsafe(ref rz, (nuint)b);
        }
        for (; b < g; b++)
            for (var k = 0; k < h.Length; k++) z[b] += h[k] * wh[k * g + b];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> VectorSigmoid(Vector<float> x) => Vector<float>.One / (Vector<float>.One + Vector.Exp(-x));

    /// <summary>Label log-probabilities of one token from its two hidden states.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Output(ReadOnlySpan<float> forward, ReadOnlySpan<float> backward, Span<float> logProbabilities)
    {
        var h = Hidden;
        var p = Parameters;
        var max = float.NegativeInfinity;
        for (var y = 0; y < Labels; y++)
        {
            var row = OutputWeights + y * 2 * h;
            var s = p[OutputBias + y] + SkipGram.Dot(p.AsSpan(row, h), forward) + SkipGram.Dot(p.AsSpan(row + h, h), backward);
            logProbabilities[y] = s;
            if (s > max) max = s;
        }
        var sum = 0f;
        for (var y = 0; y < Labels; y++) sum += MathF.Exp(logProbabilities[y] - max);
        var log = max + MathF.Log(sum);
        for (var y = 0; y < Labels; y++) logProbabilities[y] -= log;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    /// <summary>Per-sentence buffers for training; grown as needed.</summary>
    public sealed class Workspace
    {
        public float[] X = [], XMask = [], Pre0 = [], Pre1 = [], C0 = [], C1 = [], T0 = [], T1 = [], H0 = [], H1 = [], R = [], RMask = [], LogP = [];
        public float[] Dz = [], Dh = [], Dc = [], Dr0 = [], Dr1 = [], Dx = [];

        public void Ensure(BiLstm net, int n)
        {
            if (LogP.Length >= n * Labels) return;
            n = Math.Max(n, 2 * LogP.Length / Labels);
            var d = net.InputSize;
            var g = 4 * net.Hidden;
            var h = net.Hidden;
            X = new float[n * d]; XMask = new float[n * d];
            Pre0 = new float[n * g]; Pre1 = new float[n * g];
            C0 = new float[n * h]; C1 = new float[n * h]; T0 = new float[n * h]; T1 = new float[n * h];
            H0 = new float[n * h]; H1 = new float[n * h];
            R = new float[n * 2 * h]; RMask = new float[n * 2 * h];
            LogP = new float[n * Labels];
            Dz = new float[g]; Dh = new float[h]; Dc = new float[h];
            Dr0 = new float[n * h]; Dr1 = new float[n * h];
            Dx = new float[n * (d - net.TrainedInputStart)];
        }
    }

    /// <summary>
    /// Cross-entropy of the gold labels under inverted dropout (<paramref name="inputDropout"/> on the input vector,
    /// <paramref name="outputDropout"/> on the hidden states), adding its gradient to <paramref name="gradient"/>.
    /// </summary>
    public double LossAndGradient(TokenInputs inputs, ReadOnlySpan<int> gold, WordVectors vectors, float inputDropout, float outputDropout, Random rng, Workspace ws, float[] gradient)
    {
        var n = inputs.Count;
        if (n == 0) return 0;
        ws.Ensure(this, n);
        var d = InputSize;
        var h = Hidden;
        var g = 4 * h;
        var p = Parameters;

        for (var t = 0; t < n; t++)
        {
            var x = ws.X.AsSpan(t * d, d);
            Input(inputs, t, vectors, x);
            Dropout(x, ws.XMask.AsSpan(t * d, d), inputDropout, rng);
            Project(0, x, ws.Pre0.AsSpan(t * g, g));
            Project(1, x, ws.Pre1.AsSpan(t * g, g));
        }
        Recur(0, n, ws.Pre0, ws.C0, ws.T0, ws.H0);
        Recur(1, n, ws.Pre1, ws.C1, ws.T1, ws.H1);

        double loss = 0;
        var r2 = 2 * h;
        var dr0 = ws.Dr0.AsSpan(0, n * h);
        var dr1 = ws.Dr1.AsSpan(0, n * h);
        Span<float> dlogits = stackalloc float[Labels];
        for (var t = 0; t < n; t++)
        {
            var r = ws.R.AsSpan(t * r2, r2);
            ws.H0.AsSpan(t * h, h).CopyTo(r);
            ws.H1.AsSpan(t * h, h).CopyTo(r[h..]);
            Dropout(r, ws.RMask.AsSpan(t * r2, r2), outputDropout, rng);
            var lp = ws.LogP.AsSpan(t * Labels, Labels);
            Output(r[..h], r[h..], lp);
            loss -= lp[gold[t]];
            for (var y = 0; y < Labels; y++) dlogits[y] = MathF.Exp(lp[y]) - (y == gold[t] ? 1 : 0);
            var mask = ws.RMask.AsSpan(t * r2, r2);
            var drf = dr0.Slice(t * h, h);
            var drb = dr1.Slice(t * h, h);
            drf.Clear();
            drb.Clear();
            for (var y = 0; y < Labels; y++)
            {
                var row = OutputWeights + y * r2;
                gradient[OutputBias + y] += dlogits[y];
                SkipGram.Axpy(dlogits[y], r, gradient.AsSpan(row, r2));
                SkipGram.Axpy(dlogits[y], p.AsSpan(row, h), drf);
                SkipGram.Axpy(dlogits[y], p.AsSpan(row + h, h), drb);
            }
            for (var k = 0; k < h; k++)
            {
                drf[k] *= mask[k];
                drb[k] *= mask[h + k];
            }
        }

        // The input gradient reaches only the trained embeddings; the word vectors stay fixed.
        var trained = TrainedInputStart;
        var dxAll = ws.Dx.AsSpan(0, n * (d - trained));
        dxAll.Clear();
        BackwardDirection(0, n, dr0, ws, gradient, dxAll);
        BackwardDirection(1, n, dr1, ws, gradient, dxAll);
        AddEmbeddingGradients(inputs, ws, dxAll, gradient);
        return loss;
    }

    /// <summary>
    /// Sends the input gradients <paramref name="dxAll"/> (n rows of the trained part of the input) through the
    /// input dropout masks into the shape, affix and lexical embedding rows the tokens read.
    /// </summary>
    public void AddEmbeddingGradients(TokenInputs inputs, Workspace ws, Span<float> dxAll, float[] gradient)
    {
        var n = inputs.Count;
        var d = InputSize;
        var trained = TrainedInputStart;
        var e = Embedding;
        for (var t = 0; t < n; t++)
        {
            var dx = dxAll.Slice(t * (d - trained), d - trained);
            var mask = ws.XMask.AsSpan(t * d + trained, d - trained);
            for (var j = 0; j < dx.Length; j++) dx[j] *= mask[j];
            SkipGram.Axpy(1, dx[..e], gradient.AsSpan(ShapeOffset + inputs.Shapes[t] * e, e));
            for (var k = 0; k < TokenInputs.AffixSlots; k++)
                SkipGram.Axpy(1, dx.Slice(e + k * e, e), gradient.AsSpan(AffixOffset + inputs.Affixes[t * TokenInputs.AffixSlots + k] * e, e));
            for (var k = 0; k < LexicalSlots; k++)
            {
                var row = inputs.Lexical[t * TokenInputs.LexicalSlots + k];
                if (row >= 0) SkipGram.Axpy(1, dx.Slice((1 + TokenInputs.AffixSlots + k) * e, e), gradient.AsSpan(LexicalOffset + row * e, e));
            }
        }
    }

    /// <summary>
    /// Backpropagation through time for one direction, from the hidden-state gradients <paramref name="dr"/>
    /// (n × H): adds the weight gradients and the trained inputs' gradients to <paramref name="dxAll"/>.
    /// </summary>
    public void BackwardDirection(int direction, int n, ReadOnlySpan<float> dr, Workspace ws, float[] gradient, Span<float> dxAll)
    {
        var d = InputSize;
        var h = Hidden;
        var g = 4 * h;
        var trained = TrainedInputStart;
        var p = Parameters;
        var gates = (direction == 0 ? ws.Pre0 : ws.Pre1).AsSpan();
        var cells = direction == 0 ? ws.C0 : ws.C1;
        var cellTanh = direction == 0 ? ws.T0 : ws.T1;
        var hidden = (direction == 0 ? ws.H0 : ws.H1).AsSpan();
        var wx = p.AsSpan(InputWeights[direction], d * g);
        var wh = p.AsSpan(RecurrentWeights[direction], h * g);
        var gwx = gradient.AsSpan(InputWeights[direction], d * g);
        var gwh = gradient.AsSpan(RecurrentWeights[direction], h * g);
        var gb = gradient.AsSpan(Bias[direction], g);
        var dz = ws.Dz.AsSpan(0, g);
        var dhNext = ws.Dh.AsSpan(0, h);
        var dcNext = ws.Dc.AsSpan(0, h);
        dhNext.Clear();
        dcNext.Clear();
        for (var s = n - 1; s >= 0; s--)
        {
            var t = direction == 0 ? s : n - 1 - s;
            var previous = s == 0 ? -1 : direction == 0 ? t - 1 : t + 1;
            var z = gates.Slice(t * g, g);
            for (var k = 0; k < h; k++)
            {
                var i = z[k];
                var f = z[h + k];
                var u = z[2 * h + k];
                var o = z[3 * h + k];
                var tc = cellTanh[t * h + k];
                var dh = dr[t * h + k] + dhNext[k];
                var dc = dh * o * (1 - tc * tc) + dcNext[k];
                var cPrev = previous >= 0 ? cells[previous * h + k] : 0;
                dz[k] = dc * u * i * (1 - i);
                dz[h + k] = dc * cPrev * f * (1 - f);
                dz[2 * h + k] = dc * i * (1 - u * u);
                dz[3 * h + k] = dh * tc * o * (1 - o);
                dcNext[k] = dc * f;
            }
            SkipGram.Axpy(1, dz, gb);
            var x = ws.X.AsSpan(t * d, d);
            for (var j = 0; j < d; j++)
                if (x[j] != 0) SkipGram.Axpy(x[j], dz, gwx.Slice(j * g, g));
            var dx = dxAll.Slice(t * (d - trained), d - trained);
            for (var j = trained; j < ContextStart; j++) dx[j - trained] += SkipGram.Dot(wx.Slice(j * g, g), dz);
            if (previous >= 0)
            {
                var hp = hidden.Slice(previous * h, h);
                for (var k = 0; k < h; k++)
                {
                    SkipGram.Axpy(hp[k], dz, gwh.Slice(k * g, g));
                    dhNext[k] = SkipGram.Dot(wh.Slice(k * g, g), dz);
                }
            }
        }
    }

    public static void Dropout(Span<float> v, Span<float> mask, float rate, Random rng)
    {
        if (rate <= 0)
        {
            mask.Fill(1);
            return;
        }
        var keep = 1 / (1 - rate);
        for (var i = 0; i < v.Length; i++)
        {
            mask[i] = rng.NextSingle() < rate ? 0 : keep;
            v[i] *= mask[i];
        }
    }
}
