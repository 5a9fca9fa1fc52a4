using System.Diagnostics;
using Marsad.Analysis.Entities.Neural;

namespace Marsad.Analysis.Entities;

/// <summary>
/// Trains the tagger with the averaged structured perceptron (Collins 2002): decode each sentence with Viterbi
/// under the current weights and, where the best path differs from the gold one, move the weights towards the
/// gold features. Averaging over all updates gives most of a CRF's regularisation at a fraction of the cost.
/// With <see cref="NerTrainingOptions.DocumentContext"/> a second stage is stacked on jackknifed first-stage labels.
/// </summary>
public static class NerTrainer
{
    private const int L = NerLabels.Count;

    /// <summary>ANERcorp training file, relative to the shared data root.</summary>
    public const string AnercorpTrain = "data/ner/anercorp/train.txt";

    /// <summary>ANERcorp test file (the last 25,008 tokens), relative to the shared data root.</summary>
    public const string AnercorpTest = "data/ner/anercorp/test.txt";

    /// <summary>
    /// Reproduces the shipped model: builds resources from the shared data (gazetteers, actor names, clusters
    /// from the news collections) and trains on the whole ANERcorp training file with default options.
    /// </summary>
    public static NerModel TrainFromSharedData(string sharedDataRoot, NerTrainingOptions? options = null, NerResourceOptions? resourceOptions = null)
    {
        ArgumentNullException.ThrowIfNull(sharedDataRoot);
        options ??= new NerTrainingOptions();
        var clock = Stopwatch.StartNew();
        var resources = NerResources.Build(sharedDataRoot, resourceOptions);
        options.Log?.WriteLine($"ner: resources built in {clock.Elapsed.TotalSeconds:F1}s (gazetteer {resources.GazetteerEntries}, clusters {resources.ClusterVocabulary})");
        var train = ConllCorpus.Read(Path.Combine(sharedDataRoot, AnercorpTrain));
        return Train(train, options, resources);
    }

    /// <summary>
    /// Trains the perceptron stages and then, when the options ask for them and the resources carry word vectors,
    /// the neural taggers whose scores the final stage mixes in.
    /// </summary>
    public static NerModel Train(IReadOnlyList<ConllSentence> train, NerTrainingOptions options, NerResources resources)
    {
        var clock0 = Stopwatch.StartNew();
        if (options.SelfTrainingStride > 0 && options.SelfTrainingRounds > 0 && resources.News is { } source)
        {
            // Self-training: a model trained on the gold sentences labels blocks of unlabelled news, which then
            // join the training data of the perceptron and, with NeuralSilver, of the neural taggers.
            var teacher = TrainLinear(train, options with { SelfTrainingRounds = options.SelfTrainingRounds - 1, Dev = null, Log = null }, resources);
            var silver = SilverSentences(teacher, source(), options.SelfTrainingStride, options.SelfTrainingBlock);
            options.Log?.WriteLine($"ner: self-training on {silver.Count} news sentences, {silver.Sum(x => x.Count)} tokens ({clock0.Elapsed.TotalSeconds:F1}s)");
            options = options with { SelfTrainingRounds = 0 };
            var withSilver = new List<ConllSentence>(train.Count + silver.Count);
            withSilver.AddRange(train);
            withSilver.AddRange(silver);
            var linear = TrainLinear(withSilver, options, resources);
            var combined = WithNeural(linear, options.NeuralSilver ? withSilver : train, options, resources);
            if (options.DistillStride <= 0 || combined.Neural is null) return combined;
            return Distil(train, combined, options, resources);
        }
        return WithNeural(TrainLinear(train, options, resources), train, options, resources);
    }

    /// <summary>
    /// Distillation: the teacher (a perceptron with its networks) labels every <see cref="NerTrainingOptions.DistillStride"/>-th
    /// block of news, and a perceptron trained on <paramref name="train"/> and those labels ships alone, so tagging
    /// keeps the perceptron's speed. Public so a saved teacher can be distilled again under other student settings
    /// without retraining it (<c>marsad train ner --teacher</c>): the comparison is then paired, free of the networks' seed noise.
    /// </summary>
    public static NerModel Distil(IReadOnlyList<ConllSentence> train, NerModel teacher, NerTrainingOptions options, NerResources resources)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resources);
        if (teacher.Neural is null) throw new ArgumentException("The teacher has no neural taggers to distil.", nameof(teacher));
        if (resources.News is not { } source) throw new ArgumentException("Distillation needs resources with a news source.", nameof(resources));
        if (options.DistillStride <= 0) throw new ArgumentOutOfRangeException(nameof(options), "DistillStride must be at least 1.");
        var clock = Stopwatch.StartNew();
        var distilled = SilverSentences(teacher, source(), options.DistillStride, options.SelfTrainingBlock);
        options.Log?.WriteLine($"ner: distilling the networks through {distilled.Count} news sentences, {distilled.Sum(x => x.Count)} tokens ({clock.Elapsed.TotalSeconds:F1}s)");
        var student = TrainLinear([.. train, .. distilled], options with { SelfTrainingRounds = 0 }, resources);
        return student.Pruned(options.DistillPruneBelow).WithNeural(null, 0,
            $"{student.Description}; news labels from a teacher with {teacher.Neural.Members.Count} BiLSTM taggers; features under {options.DistillPruneBelow} of the largest weight dropped");
    }

    /// <summary>Adds the neural taggers, trained on <paramref name="train"/>, when the options ask for them and the resources carry word vectors.</summary>
    private static NerModel WithNeural(NerModel model, IReadOnlyList<ConllSentence> train, NerTrainingOptions options, NerResources resources)
    {
        if (options.NeuralModels <= 0 || resources.Vectors is not { } vectors) return model;
        var clock = Stopwatch.StartNew();
        var languageModel = options.Neural.LanguageModel && resources.News is { } news
            ? NewsLanguageModel.Train([.. NewsBlocks(news(), options.Neural.LanguageModelStride, options.SelfTrainingBlock).SelectMany(b => b)], vectors, model.Tables, options.Neural, options.Log)
            : null;
        var states = languageModel?.StatesOf(train, vectors);
        var networks = new BiLstm[options.NeuralModels];
        for (var k = 0; k < networks.Length; k++)
        {
            var neural = options.Neural with { Seed = options.Neural.Seed + k };
            networks[k] = NeuralTrainer.Train(train, vectors, neural, model.Tables, options.Log, languageModel: states).Network;
            networks[k].RoundToHalf();
            options.Log?.WriteLine($"ner: neural tagger {k + 1} of {networks.Length} trained ({clock.Elapsed.TotalSeconds:F1}s)");
        }
        var o = options.Neural;
        var description = $"{model.Description}; {networks.Length} BiLSTM taggers ({o.Hidden} units, {o.Epochs} epochs, seeds from {o.Seed}{(o.Lexical ? ", lexical inputs" : "")}{(languageModel is null ? "" : $", reading a news language model of {o.LanguageModelHidden} units")}) over {vectors.Count} word vectors of {vectors.Dimensions}, weight {options.NeuralWeight}";
        var combined = model.WithNeural(new NeuralEnsemble(vectors, networks, languageModel), options.NeuralWeight, description);
        if (options.Dev is not null && options.Log is not null)
        {
            var eval = NerEvaluator.Evaluate(combined, options.Dev, warmUp: false);
            options.Log.WriteLine($"ner: with the neural taggers: dev P {eval.MicroPrecision:F2} R {eval.MicroRecall:F2} F1 {eval.MicroF1:F2}");
        }
        return combined;
    }

    /// <summary>The perceptron (or CRF) stages alone, with self-training and news profiles as the options ask.</summary>
    private static NerModel TrainLinear(IReadOnlyList<ConllSentence> train, NerTrainingOptions options, NerResources resources)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resources);
        var clock = Stopwatch.StartNew();
        if (options.SelfTrainingStride > 0 && options.SelfTrainingRounds > 0 && resources.News is { } source)
        {
            // Only the teacher of a multi-round self-training comes here: Train adds the outer round's news.
            var teacher = TrainLinear(train, options with { SelfTrainingRounds = options.SelfTrainingRounds - 1, Dev = null, Log = null }, resources);
            train = [.. train, .. SilverSentences(teacher, source(), options.SelfTrainingStride, options.SelfTrainingBlock)];
            options = options with { SelfTrainingRounds = 0 };
        }
        var gazetteer = NerTables.ToIndex(resources.Gazetteer.Select(p => (p.Key, (int)p.Value)));
        var clusters = NerTables.ToIndex(resources.Clusters.Select(p => (p.Key, p.Value)));
        var profiles = new HashIndex(0);
        if (options.NewsProfiles && resources.News is { } news)
        {
            // The profiling tagger never sees a word's own identity, so its labels on the news reflect contexts,
            // not names memorised from the training sentences.
            var contextOptions = options with
            {
                NewsProfiles = false, DocumentContext = false, WordDropout = options.ProfileWordDropout, Dev = null, Log = null,
            };
            var contextModel = TrainLinear(train, contextOptions, resources);
            var table = NewsProfiles.Build(contextModel, news(), options.ProfileMinCount, options.Log);
            profiles = NerTables.ToIndex(table.Select(p => (p.Key, p.Value)));
        }
        var tables = new NerTables(gazetteer, clusters, profiles, NerTables.ToIndex(resources.Clusters2.Select(p => (p.Key, p.Value))), options.Flags);
        var extractor = new NerFeatureExtractor(tables);

        var data = new Sample[train.Count];
        var keys = new uint[train.Count][];
        var tokens = 0;
        for (var s = 0; s < train.Count; s++)
        {
            extractor.Extract(train[s].Tokens);
            data[s] = new Sample(extractor.Features.ToArray(), extractor.Offsets.ToArray(), GoldLabels(train[s].Tags), extractor.ContinuesEntity.ToArray());
            keys[s] = extractor.DocumentKeys.ToArray();
            tokens += train[s].Count;
        }
        var all = Enumerable.Range(0, train.Count).ToArray();
        options.Log?.WriteLine($"ner: {train.Count} sentences, {tokens} tokens, features extracted in {clock.Elapsed.TotalSeconds:F1}s");
        string Describe(int epochs) =>
            $"{(options.Crf ? $"linear-chain CRF (C {options.CrfC})" : "averaged perceptron")} ({options.AveragedRuns} runs, weights averaged), {epochs} epochs per stage, word dropout {options.WordDropout}, min feature count {options.MinFeatureCount}, seed {options.Seed}, " +
            $"entity bias {options.EntityBias}, document context {(options.DocumentContext ? $"±{options.ContextWindow} sentences, {options.JackknifeFolds}-fold stacking" : "off")}; " +
            $"{train.Count} sentences / {tokens} tokens; gazetteer {resources.GazetteerEntries}, clusters {resources.ClusterVocabulary}, news profiles {profiles.Count}";
        NerModel Assemble(NerStage first, NerStage? second, int epochs) =>
            new(first, second, options.ContextWindow, options.EntityBias, tables, Describe(epochs));
        void Report(string stage, NerModel model, int epoch)
        {
            if (options.Dev is null || options.Log is null) return;
            var eval = NerEvaluator.Evaluate(model, options.Dev, warmUp: false);
            options.Log.WriteLine($"ner: {stage} epoch {epoch}: dev P {eval.MicroPrecision:F2} R {eval.MicroRecall:F2} F1 {eval.MicroF1:F2} ({clock.Elapsed.TotalSeconds:F1}s)");
        }

        if (!options.DocumentContext)
        {
            var only = TrainStage(data, all, options, (stage, epoch) => Report("single", Assemble(stage, null, epoch), epoch));
            return Assemble(only, null, options.Epochs);
        }

        // Jackknife over contiguous blocks, so repeats inside one article stay on the same side of the split.
        var labels = new int[train.Count][];
        var folds = Math.Max(2, options.JackknifeFolds);
        for (var k = 0; k < folds; k++)
        {
            var from = (int)((long)train.Count * k / folds);
            var to = (int)((long)train.Count * (k + 1) / folds);
            var stage = TrainStage(data, all.Where(s => s < from || s >= to).ToArray(), options, null);
            for (var s = from; s < to; s++) labels[s] = Decode(stage, data[s]);
        }
        options.Log?.WriteLine($"ner: jackknife labels ready ({clock.Elapsed.TotalSeconds:F1}s)");
        var firstStage = TrainStage(data, all, options, null);
        Report("first-stage", Assemble(firstStage, null, options.Epochs), options.Epochs);

        var counts = DocumentContext.Count(keys, labels, options.ContextWindow);
        var stacked = new Sample[train.Count];
        for (var s = 0; s < train.Count; s++) stacked[s] = Stack(data[s], labels[s], counts[s]);
        var secondStage = TrainStage(stacked, all, options, (stage, epoch) => Report("second-stage", Assemble(firstStage, stage, epoch), epoch));
        options.Log?.WriteLine($"ner: trained in {clock.Elapsed.TotalSeconds:F1}s");
        return Assemble(firstStage, secondStage, options.Epochs);
    }

    /// <summary>Every <paramref name="stride"/>-th block of <paramref name="block"/> consecutive news sentences, tagged as one document.</summary>
    private static List<ConllSentence> SilverSentences(NerModel teacher, IEnumerable<List<string>> news, int stride, int block)
    {
        var tagger = new NerTagger(teacher);
        var result = new List<ConllSentence>();
        foreach (var document in NewsBlocks(news, stride, block))
        {
            var tags = tagger.TagDocument(document);
            for (var s = 0; s < document.Count; s++) result.Add(new ConllSentence(document[s].ToArray(), tags[s]));
        }
        return result;
    }

    /// <summary>
    /// The sentences (4–60 tokens) of every <paramref name="stride"/>-th block of <paramref name="block"/> news
    /// sentences, a run of consecutive chosen blocks as one document.
    /// </summary>
    private static IEnumerable<List<IReadOnlyList<string>>> NewsBlocks(IEnumerable<List<string>> news, int stride, int block)
    {
        var pending = new List<IReadOnlyList<string>>();
        var index = 0;
        foreach (var sentence in news)
        {
            if (index++ / block % stride != 0)
            {
                if (pending.Count > 0) yield return pending;
                pending = [];
                continue;
            }
            if (sentence.Count is >= 4 and <= 60) pending.Add(sentence);
        }
        if (pending.Count > 0) yield return pending;
    }

    /// <summary>Appends the stacked features of each token after its own features.</summary>
    internal static Sample Stack(Sample sample, int[] labels, int[] counts)
    {
        var n = sample.Gold.Length;
        var hashes = new uint[sample.Hashes.Length + n * StackedFeatures.MaxPerToken];
        var offsets = new int[n + 1];
        Span<uint> extra = stackalloc uint[StackedFeatures.MaxPerToken];
        var pos = 0;
        for (var i = 0; i < n; i++)
        {
            offsets[i] = pos;
            var own = sample.Hashes.AsSpan(sample.Offsets[i], sample.Offsets[i + 1] - sample.Offsets[i]);
            own.CopyTo(hashes.AsSpan(pos));
            pos += own.Length;
            var m = StackedFeatures.Write(extra, i, labels, counts);
            extra[..m].CopyTo(hashes.AsSpan(pos));
            pos += m;
        }
        offsets[n] = pos;
        return new Sample(hashes[..pos], offsets, sample.Gold, sample.ContinuesEntity);
    }

    private static int[] Decode(NerStage stage, Sample sample)
    {
        var n = sample.Gold.Length;
        var emissions = new float[n * L];
        stage.AddEmissions(sample.Hashes, sample.Offsets, n, emissions);
        var labels = new int[n];
        BioDecoder.Decode(emissions, stage.Transitions, stage.Start, n, sample.ContinuesEntity, labels, new float[n * L], new byte[n * L]);
        return labels;
    }

    /// <summary>
    /// Dense rows for the features seen at least <paramref name="minCount"/> times in the training samples (in hash
    /// order, so training is deterministic), each sample's features as rows (-1 = dropped), and the longest sample.
    /// </summary>
    internal static (Dictionary<uint, int> RowOf, int[][] Rows, int MaxLength) FeatureRows(Sample[] data, int[] indices, int minCount)
    {
        var counts = new Dictionary<uint, int>();
        foreach (var s in indices)
            foreach (var f in data[s].Hashes) counts[f] = counts.GetValueOrDefault(f) + 1;
        var rowOf = new Dictionary<uint, int>();
        foreach (var (key, count) in counts.OrderBy(p => p.Key))
            if (count >= minCount) rowOf[key] = rowOf.Count;
        var rows = new int[data.Length][];
        var maxLength = 0;
        foreach (var s in indices)
        {
            var h = data[s].Hashes;
            var r = new int[h.Length];
            for (var k = 0; k < r.Length; k++) r[k] = rowOf.TryGetValue(h[k], out var row) ? row : -1;
            rows[s] = r;
            maxLength = Math.Max(maxLength, data[s].Gold.Length);
        }
        return (rowOf, rows, maxLength);
    }

    private static NerStage TrainStage(Sample[] data, int[] indices, NerTrainingOptions options, Action<NerStage, int>? afterEpoch)
    {
        var (rowOf, rows, maxLength) = FeatureRows(data, indices, options.MinFeatureCount);

        // Runs on different shuffles and dropout masks err in different places; averaging their weights gives
        // one model of the same size with less of that variance.
        var runs = Math.Max(1, options.AveragedRuns);
        var sum = new StageSum(rowOf.Count);
        for (var run = 0; run < runs; run++)
        {
            var seed = options.Seed + 7919 * run;
            var log = run == 0 && runs == 1 ? afterEpoch : null;
            if (options.Crf) CrfTrainer.Run(data, indices, rows, maxLength, rowOf, options, seed, log, sum);
            else RunPerceptron(data, indices, rows, maxLength, rowOf, options, seed, log).AddAveraged(sum);
        }
        var final = sum.ToStage(rowOf, 1f / runs, options.Crf ? CrfPruneBelow : 1e-4f);
        afterEpoch?.Invoke(final, options.Epochs);
        return final;
    }

    /// <summary>
    /// L2 leaves the CRF with many tiny weights; dropping features whose weights all stay under this shrank the
    /// model about four times with no loss on the dev slice (77.14 against 77.03 F1).
    /// </summary>
    private const float CrfPruneBelow = 0.02f;

    private static Perceptron RunPerceptron(
        Sample[] data, int[] indices, int[][] rows, int maxLength, Dictionary<uint, int> rowOf, NerTrainingOptions options, int seed, Action<NerStage, int>? afterEpoch)
    {
        var p = new Perceptron(rowOf.Count);
        var dropRng = new Random(seed * 31 + 1);
        var dropped = new bool[maxLength];
        var order = (int[])indices.Clone();
        var rng = new Random(seed);
        var emissions = new float[maxLength * L];
        var predicted = new int[maxLength];
        var scoreScratch = new float[maxLength * L];
        var backScratch = new byte[maxLength * L];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (var s in order)
            {
                var n = data[s].Gold.Length;
                for (var i = 0; i < n; i++) dropped[i] = options.WordDropout > 0 && dropRng.NextDouble() < options.WordDropout;
                p.Score(rows[s], data[s].Offsets, n, emissions, dropped);
                // Learning decodes without the name-link constraint (cross-validation preferred it: the perceptron still
                // sees its own boundary errors there and corrects its weights for them); tagging applies it.
                BioDecoder.Decode(emissions, p.Transitions, p.Start, n, [], predicted, scoreScratch, backScratch);
                p.Update(rows[s], data[s].Offsets, data[s].Gold, predicted.AsSpan(0, n), dropped);
                p.Tick();
            }
            if (afterEpoch is not null && epoch < options.Epochs)
            {
                var snapshot = new StageSum(rowOf.Count);
                p.AddAveraged(snapshot);
                afterEpoch(snapshot.ToStage(rowOf, 1f), epoch);
            }
        }
        return p;
    }

    /// <summary>I-X after anything but B-X/I-X is read as B-X, as conlleval would, so gold paths are decodable.</summary>
    private static int[] GoldLabels(IReadOnlyList<string> tags)
    {
        var labels = new int[tags.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            var y = NerLabels.Index(tags[i]);
            var previous = i > 0 ? labels[i - 1] : 0;
            if (!NerLabels.Allowed(previous, y)) y--;
            labels[i] = y;
        }
        return labels;
    }

    internal sealed record Sample(uint[] Hashes, int[] Offsets, int[] Gold, bool[] ContinuesEntity);

    /// <summary>Weights plus the running sums needed for the averaging trick (w_avg = w − u / c).</summary>
    private sealed class Perceptron(int features)
    {
        private readonly float[] _w = new float[features * L];
        private readonly float[] _u = new float[features * L];
        private readonly float[] _tu = new float[L * L];
        private readonly float[] _su = new float[L];
        private float _c = 1;

        public float[] Transitions { get; } = new float[L * L];
        public float[] Start { get; } = new float[L];

        public void Tick() => _c++;

        public void Score(int[] rows, int[] offsets, int n, float[] emissions, bool[] dropped)
        {
            Array.Clear(emissions, 0, n * L);
            for (var i = 0; i < n; i++)
            {
                var e = emissions.AsSpan(i * L, L);
                for (var k = offsets[i] + (dropped[i] ? NerFeatureExtractor.LexicalFeatures : 0); k < offsets[i + 1]; k++)
                {
                    var row = rows[k];
                    if (row < 0) continue;
                    var w = _w.AsSpan(row * L, L);
                    for (var y = 0; y < L; y++) e[y] += w[y];
                }
            }
        }

        public void Update(int[] rows, int[] offsets, int[] gold, ReadOnlySpan<int> predicted, bool[] dropped)
        {
            for (var i = 0; i < gold.Length; i++)
            {
                var g = gold[i];
                var p = predicted[i];
                if (g != p)
                {
                    for (var k = offsets[i] + (dropped[i] ? NerFeatureExtractor.LexicalFeatures : 0); k < offsets[i + 1]; k++)
                    {
                        var row = rows[k];
                        if (row < 0) continue;
                        Bump(_w, _u, row * L + g, 1);
                        Bump(_w, _u, row * L + p, -1);
                    }
                }
                var gp = i > 0 ? gold[i - 1] : -1;
                var pp = i > 0 ? predicted[i - 1] : -1;
                if (g == p && gp == pp) continue;
                if (i == 0)
                {
                    Bump(Start, _su, g, 1);
                    Bump(Start, _su, p, -1);
                }
                else
                {
                    Bump(Transitions, _tu, gp * L + g, 1);
                    Bump(Transitions, _tu, pp * L + p, -1);
                }
            }
        }

        private void Bump(float[] w, float[] u, int index, float delta)
        {
            w[index] += delta;
            u[index] += _c * delta;
        }

        /// <summary>Adds this perceptron's averaged weights (w − u / c) to <paramref name="sum"/>.</summary>
        public void AddAveraged(StageSum sum)
        {
            for (var i = 0; i < _w.Length; i++) sum.Weights[i] += _w[i] - _u[i] / _c;
            for (var i = 0; i < Transitions.Length; i++) sum.Transitions[i] += Transitions[i] - _tu[i] / _c;
            for (var i = 0; i < Start.Length; i++) sum.Start[i] += Start[i] - _su[i] / _c;
        }
    }

    /// <summary>Sum of the final weights of one or more training runs over the same feature rows.</summary>
    internal sealed class StageSum(int features)
    {
        public float[] Weights { get; } = new float[features * L];
        public float[] Transitions { get; } = new float[L * L];
        public float[] Start { get; } = new float[L];

        /// <summary>
        /// The stage with every weight times <paramref name="factor"/>, keeping only features with a weight (after
        /// the factor) above <paramref name="pruneBelow"/> in some label.
        /// </summary>
        public NerStage ToStage(Dictionary<uint, int> rowOf, float factor, float pruneBelow = 1e-4f)
        {
            var index = new HashIndex(rowOf.Count);
            foreach (var (key, r) in rowOf) index.Set(key, r);
            var weights = new float[Weights.Length];
            for (var i = 0; i < weights.Length; i++) weights[i] = Weights[i] * factor;
            var transitions = new float[L * L];
            for (var i = 0; i < transitions.Length; i++) transitions[i] = Transitions[i] * factor;
            var start = new float[L];
            for (var i = 0; i < start.Length; i++) start[i] = Start[i] * factor;
            return new NerStage(index, weights, transitions, start).WithoutWeightsUnder(pruneBelow);
        }
    }
}
