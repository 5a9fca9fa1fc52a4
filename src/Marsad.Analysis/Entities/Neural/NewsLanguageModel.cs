using System.Diagnostics;

namespace Marsad.Analysis.Entities.Neural;

/// <summary>
/// A bidirectional LSTM language model over the unlabelled news whose hidden states the taggers read as extra
/// inputs (Peters et al. 2017, TagLM): the forward state at a word has read the sentence up to it and predicts the
/// next word, the backward state the previous one. Words are predicted as their Brown cluster (a class-based
/// language model), which keeps the softmax at a few hundred classes, so a CPU trains it on millions of tokens.
/// </summary>
/// <remarks>
/// It reads the taggers' own inputs (word and stem vectors, shape, affixes), so one <see cref="TokenInputs"/>
/// serves both. Class 0 is a word without a cluster (mostly rare words, which names often are), class 1 the
/// sentence boundary.
/// </remarks>
internal sealed class NewsLanguageModel
{
    private const int Rare = 0, Boundary = 1;
    private const int Leaves = 1 << (3 * WordClusterBuilder.Depth);

    private NewsLanguageModel(BiLstm network, int classes)
    {
        Network = network;
        Classes = classes;
        Head = new float[2 * classes * (network.Hidden + 1)];
    }

    public BiLstm Network { get; }

    public int Classes { get; }

    /// <summary>Per direction, a class × H weight matrix then the class biases.</summary>
    public float[] Head { get; }

    /// <summary>Width of the states a token gets: forward then backward hidden state.</summary>
    public int StateSize => 2 * Network.Hidden;

    /// <summary>Fills <see cref="TokenInputs.Context"/> of the extracted sentence with its states.</summary>
    public void States(TokenInputs inputs, WordVectors vectors, BiLstm.Workspace ws)
    {
        var n = inputs.Count;
        var rows = inputs.ContextRows(StateSize);
        if (n == 0) return;
        Run(inputs, vectors, ws, 0, null);
        var h = Network.Hidden;
        for (var t = 0; t < n; t++)
        {
            ws.H0.AsSpan(t * h, h).CopyTo(rows.Slice(t * 2 * h, h));
            ws.H1.AsSpan(t * h, h).CopyTo(rows.Slice(t * 2 * h + h, h));
        }
    }

    /// <summary>
    /// The states of every sentence of <paramref name="sentences"/>, computed once for all the epochs and networks
    /// that train on them (they are fixed inputs; recomputing them took half of each epoch).
    /// </summary>
    public SentenceStates StatesOf(IReadOnlyList<ConllSentence> sentences, WordVectors vectors)
    {
        var reader = new LanguageModelReader(this, vectors);
        var states = new float[sentences.Count][];
        for (var s = 0; s < states.Length; s++)
        {
            reader.Read(sentences[s].Tokens);
            states[s] = reader.States.ToArray();
        }
        return new SentenceStates(this, states);
    }

    /// <summary>A language model with its states of each training sentence, in the sentences' order.</summary>
    public sealed record SentenceStates(NewsLanguageModel Model, float[][] Sentences);

    /// <summary>The forward pass into <paramref name="ws"/>: inputs (with dropout when a generator is given), projections, both recurrences.</summary>
    private void Run(TokenInputs inputs, WordVectors vectors, BiLstm.Workspace ws, float dropout, Random? rng)
    {
        var net = Network;
        var n = inputs.Count;
        ws.Ensure(net, n);
        var d = net.InputSize;
        var g = 4 * net.Hidden;
        for (var t = 0; t < n; t++)
        {
            var x = ws.X.AsSpan(t * d, d);
            net.Input(inputs, t, vectors, x);
            if (rng is not null) BiLstm.Dropout(x, ws.XMask.AsSpan(t * d, d), dropout, rng);
            net.Project(0, x, ws.Pre0.AsSpan(t * g, g));
            net.Project(1, x, ws.Pre1.AsSpan(t * g, g));
        }
        net.Recur(0, n, ws.Pre0, ws.C0, ws.T0, ws.H0);
        net.Recur(1, n, ws.Pre1, ws.C1, ws.T1, ws.H1);
    }

    /// <summary>
    /// Cross-entropy of each word's class given the forward state before it and the backward state after it,
    /// adding the gradient to <paramref name="gradient"/> (the network's parameters) and <paramref name="headGradient"/>.
    /// </summary>
    public double LossAndGradient(TokenInputs inputs, ReadOnlySpan<int> classes, WordVectors vectors, float dropout, Random rng, BiLstm.Workspace ws, float[] gradient, float[] headGradient)
    {
        var net = Network;
        var n = inputs.Count;
        if (n == 0) return 0;
        Run(inputs, vectors, ws, dropout, rng);
        var h = net.Hidden;
        var dr0 = ws.Dr0.AsSpan(0, n * h);
        var dr1 = ws.Dr1.AsSpan(0, n * h);
        // A few hundred classes: the logits fit on the stack, so a training sentence allocates nothing.
        Span<float> logits = stackalloc float[Classes];
        double loss = 0;
        for (var t = 0; t < n; t++)
        {
            loss += Step(0, ws.H0.AsSpan(t * h, h), t + 1 < n ? classes[t + 1] : Boundary, logits, dr0.Slice(t * h, h), headGradient);
            loss += Step(1, ws.H1.AsSpan(t * h, h), t > 0 ? classes[t - 1] : Boundary, logits, dr1.Slice(t * h, h), headGradient);
        }
        var trained = net.TrainedInputStart;
        var dxAll = ws.Dx.AsSpan(0, n * (net.InputSize - trained));
        dxAll.Clear();
        net.BackwardDirection(0, n, dr0, ws, gradient, dxAll);
        net.BackwardDirection(1, n, dr1, ws, gradient, dxAll);
        net.AddEmbeddingGradients(inputs, ws, dxAll, gradient);
        return loss;
    }

    /// <summary>One direction's prediction at one token: its loss, with the state's gradient written to <paramref name="dState"/>.</summary>
    private double Step(int direction, ReadOnlySpan<float> state, int gold, Span<float> logits, Span<float> dState, float[] headGradient)
    {
        var h = Network.Hidden;
        var block = direction * Classes * (h + 1);
        var weights = Head.AsSpan(block, Classes * h);
        var bias = Head.AsSpan(block + Classes * h, Classes);
        var max = float.NegativeInfinity;
        for (var c = 0; c < Classes; c++)
        {
            logits[c] = bias[c] + SkipGram.Dot(weights.Slice(c * h, h), state);
            if (logits[c] > max) max = logits[c];
        }
        var sum = 0f;
        for (var c = 0; c < Classes; c++) sum += logits[c] = MathF.Exp(logits[c] - max);
        dState.Clear();
        var gw = headGradient.AsSpan(block, Classes * h);
        var gb = headGradient.AsSpan(block + Classes * h, Classes);
        for (var c = 0; c < Classes; c++)
        {
            var dz = logits[c] / sum - (c == gold ? 1 : 0);
            gb[c] += dz;
            SkipGram.Axpy(dz, state, gw.Slice(c * h, h));
            SkipGram.Axpy(dz, weights.Slice(c * h, h), dState);
        }
        return -Math.Log(Math.Max(1e-30, logits[gold] / sum));
    }

    /// <summary>Writes the network and the head as float16 (the network is trained to that precision; see <see cref="Train"/>).</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Network.Hidden);
        w.Write(Network.Embedding);
        w.Write(Network.AffixBuckets);
        w.Write(Classes);
        foreach (var p in Network.Parameters) w.Write((Half)p);
        foreach (var p in Head) w.Write((Half)p);
    }

    public static NewsLanguageModel Read(BinaryReader r, int wordDimensions)
    {
        var net = new BiLstm(wordDimensions, r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        var model = new NewsLanguageModel(net, r.ReadInt32());
        foreach (var p in new[] { net.Parameters, model.Head })
            for (var i = 0; i < p.Length; i++) p[i] = (float)r.ReadHalf();
        return model;
    }

    /// <summary>
    /// Trains on <paramref name="news"/> (normalised token sentences) for <paramref name="epochs"/> passes; the word
    /// classes come from the perceptron's cluster table, the inputs from the same vectors and affix buckets as the taggers.
    /// </summary>
    public static NewsLanguageModel Train(IReadOnlyList<IReadOnlyList<string>> news, WordVectors vectors, NerTables tables, NeuralTrainingOptions options, TextWriter? log)
    {
        var lexicon = new NerFeatureExtractor(tables);
        var inputs = new TokenInputs();
        // Dense classes for the cluster leaves the text uses.
        var classOfLeaf = new int[Leaves];
        var classes = 2;
        var sentenceClasses = new int[news.Count][];
        for (var s = 0; s < news.Count; s++)
        {
            lexicon.Analyze(news[s]);
            var leaves = lexicon.ClusterLeaves;
            var row = sentenceClasses[s] = new int[leaves.Length];
            for (var i = 0; i < leaves.Length; i++)
            {
                var leaf = leaves[i];
                if (leaf is < 0 or >= Leaves) continue;
                if (classOfLeaf[leaf] == 0) classOfLeaf[leaf] = classes++;
                row[i] = classOfLeaf[leaf];
            }
        }
        var net = new BiLstm(vectors.Dimensions, options.LanguageModelHidden, options.Embedding, options.AffixBuckets);
        net.Initialize(options.Seed);
        var model = new NewsLanguageModel(net, classes);
        var rng = new Random(options.Seed);
        var limit = Math.Sqrt(6.0 / (net.Hidden + classes));
        for (var d = 0; d < 2; d++)
            for (var i = 0; i < classes * net.Hidden; i++) model.Head[d * classes * (net.Hidden + 1) + i] = (float)((rng.NextDouble() * 2 - 1) * limit);

        var p = net.Parameters;
        var gradient = new float[p.Length];
        var headGradient = new float[model.Head.Length];
        var adam = new NeuralTrainer.AdamState(p.Length);
        var headAdam = new NeuralTrainer.AdamState(model.Head.Length);
        var ws = new BiLstm.Workspace();
        var order = new int[news.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        for (var epoch = 0; epoch < options.LanguageModelEpochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            rng.Shuffle(order);
            double loss = 0;
            long tokens = 0;
            var inBatch = 0;
            for (var k = 0; k < order.Length; k++)
            {
                var s = order[k];
                inputs.Extract(news[s], vectors, options.AffixBuckets);
                loss += model.LossAndGradient(inputs, sentenceClasses[s], vectors, options.LanguageModelDropout, rng, ws, gradient, headGradient);
                tokens += 2 * news[s].Count;
                if (++inBatch < options.Batch && k < order.Length - 1) continue;
                adam.Step(p, gradient, options.LearningRate, options.Clip, inBatch);
                headAdam.Step(model.Head, headGradient, options.LearningRate, options.Clip, inBatch);
                inBatch = 0;
            }
            log?.WriteLine($"language model: epoch {epoch + 1} loss/prediction {loss / Math.Max(1, tokens):F4} over {classes} classes ({clock.Elapsed.TotalSeconds:F1} s)");
        }
        net.RoundToHalf();
        for (var i = 0; i < model.Head.Length; i++) model.Head[i] = (float)(Half)model.Head[i];
        return model;
    }
}
