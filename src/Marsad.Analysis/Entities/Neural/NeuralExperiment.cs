using System.Diagnostics;

namespace Marsad.Analysis.Entities.Neural;

/// <summary>
/// Tuning run for the neural tagger: trains it on the first part of ANERcorp train, scores it alone on the dev
/// slice (the rest), and scores a trained perceptron on the same slice with λ·log p_neural added to its final-stage
/// emissions, for a grid of λ. Prints plain lines; writes nothing but the optional caches.
/// </summary>
public static class NeuralExperiment
{
    public sealed record Settings
    {
        /// <summary>The perceptron model trained on the same first part (<c>marsad train ner --dev … --out</c>).</summary>
        public required string PerceptronModel { get; init; }

        /// <summary>Cache of the word vectors: loaded when present, trained from the news and saved otherwise.</summary>
        public required string VectorsCache { get; init; }

        /// <summary>Cache of the trained neural model (loaded when present); null to always train.</summary>
        public string? NeuralCache { get; init; }

        public double DevFraction { get; init; } = 0.2;

        public int Vocabulary { get; init; } = 100_000;

        public int VectorDimensions { get; init; } = 64;

        public int VectorEpochs { get; init; } = 2;

        public int VectorWindow { get; init; } = 3;

        public int MaxNewsDocuments { get; init; } = int.MaxValue;

        public NeuralTrainingOptions Training { get; init; } = new();

        /// <summary>Also add the neural scores (with the same λ) to the first stage's emissions.</summary>
        public bool FirstStage { get; init; }

        /// <summary>Neural models trained with consecutive seeds whose log-probabilities are averaged.</summary>
        public int Models { get; init; } = 1;

        /// <summary>When positive, also score the model with only this many vectors, int8-quantised after training (a size experiment; the shipped model stores 4-bit vectors rounded before training, see WordVectors.Rounded4).</summary>
        public int ShipVocabulary { get; init; }

        public IReadOnlyList<float> Lambdas { get; init; } = [0, 1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96];
    }

    public static void Run(string sharedDataRoot, Settings settings, TextWriter output, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(log);
        var vectors = Vectors(sharedDataRoot, settings, log);
        var all = ConllCorpus.Read(Path.Combine(sharedDataRoot, NerTrainer.AnercorpTrain));
        var cut = (int)Math.Round(all.Count * (1 - settings.DevFraction));
        var train = all.Take(cut).ToArray();
        var dev = all.Skip(cut).ToArray();
        var devTokens = dev.Select(s => s.Tokens).ToArray();
        var covered = 0;
        var total = 0;
        var inputs = new TokenInputs();
        foreach (var s in dev)
        {
            inputs.Extract(s.Tokens, vectors, settings.Training.AffixBuckets);
            for (var i = 0; i < s.Count; i++) covered += inputs.Words[i] >= 0 || inputs.Stems[i] >= 0 ? 1 : 0;
            total += s.Count;
        }
        log.WriteLine($"neural: {vectors.Count} vectors of {vectors.Dimensions}; {100.0 * covered / total:F1}% of dev tokens have a word or stem vector");

        var perceptron = NerModel.Load(settings.PerceptronModel);
        var tables = perceptron.Tables;
        var ensemble = new NeuralNerModel[settings.Models];
        for (var k = 0; k < ensemble.Length; k++)
            ensemble[k] = TrainOrLoad(settings, k, train, vectors, tables, dev, devTokens, output, log);
        var model = ensemble[0];
        using (var sized = new MemoryStream())
        {
            model.Save(sized);
            output.WriteLine($"neural model: {sized.Length / 1024} KiB ({model.Network.Parameters.Length} parameters, {model.Vectors.Count} float16 vectors){(ensemble.Length > 1 ? $", {ensemble.Length} of them" : "")}");
        }

        var logp = LogProbabilities(model, tables, devTokens);
        // Timed after the JIT has settled (a few passes with a throwaway tagger): one pass from an empty projection
        // cache, then the steady state where every word type's projection is cached.
        var warmup = new NeuralTagger(model, tables);
        for (var pass = 0; pass < 5; pass++) LogProbabilities(devTokens, warmup, logp);
        var tagger = new NeuralTagger(model, tables);
        var speed = Stopwatch.StartNew();
        LogProbabilities(devTokens, tagger, logp);
        var cold = speed.Elapsed.TotalSeconds;
        speed.Restart();
        for (var pass = 0; pass < 3; pass++) LogProbabilities(devTokens, tagger, logp);
        var warm = speed.Elapsed.TotalSeconds / 3;
        output.WriteLine($"neural speed: {total / cold:F0} tokens/s from an empty projection cache, {total / warm:F0} tokens/s warm (one thread, {total} tokens)");

        if (ensemble.Length > 1)
        {
            Print(output, "neural alone, first model", NerEvaluator.Score(dev, Decode(LogProbabilities(model, tables, devTokens))));
            logp = Average(ensemble.Select(m => LogProbabilities(m, tables, devTokens)).ToArray());
        }
        Print(output, ensemble.Length > 1 ? $"neural alone, mean log-probabilities of {ensemble.Length} models" : "neural alone", NerEvaluator.Score(dev, Decode(logp)));
        Print(output, "perceptron alone", NerEvaluator.Evaluate(perceptron, dev));

        // Each λ tags the whole slice as one running text, as the perceptron's dev score does; the halves then
        // show how much choosing λ on the same slice flatters the best figure.
        var half = dev.Length / 2;
        var first = dev[..half];
        var second = dev[half..];
        var results = new List<(float Lambda, NerEvaluation All, NerEvaluation First, NerEvaluation Second)>();
        foreach (var lambda in settings.Lambdas)
        {
            var combined = new NerTagger(perceptron)
            {
                FinalEmissions = (s, emissions) =>
                {
                    var lp = logp[s];
                    for (var i = 0; i < emissions.Length; i++) emissions[i] += lambda * lp[i];
                },
            };
            if (settings.FirstStage) combined.FirstStageEmissions = combined.FinalEmissions;
            var tags = combined.TagDocument(devTokens);
            var e = NerEvaluator.Score(dev, tags);
            results.Add((lambda, e, NerEvaluator.Score(first, tags[..half]), NerEvaluator.Score(second, tags[half..])));
            Print(output, $"combined λ={lambda}", e);
        }
        var best = results.MaxBy(r => r.All.MicroF1);
        Print(output, $"best combination λ={best.Lambda}", best.All);
        var onFirst = results.MaxBy(r => r.First.MicroF1);
        var onSecond = results.MaxBy(r => r.Second.MicroF1);
        var baseline = results.Find(r => r.Lambda == 0);
        output.WriteLine($"held-out λ: chosen on first half λ={onFirst.Lambda} → second half {onFirst.Second.MicroF1:F2}; chosen on second half λ={onSecond.Lambda} → first half {onSecond.First.MicroF1:F2}");
        if (baseline.All is not null)
            output.WriteLine($"perceptron (λ=0) on the halves: first {baseline.First.MicroF1:F2}, second {baseline.Second.MicroF1:F2}");

        if (settings.ShipVocabulary > 0)
        {
            var shipped = new NeuralNerModel(model.Network, model.Vectors.Quantized(settings.ShipVocabulary));
            var shippedLogp = LogProbabilities(shipped, tables, devTokens);
            var bytes = shipped.Vectors.Count * (shipped.Vectors.Dimensions + 4) + shipped.Vectors.Words!.Sum(w => 2 * w.Length + 1) + 2 * model.Network.Parameters.Length;
            Print(output, $"shipped variant ({shipped.Vectors.Count} int8 vectors, float16 weights, about {bytes / 1024} KiB) alone", NerEvaluator.Score(dev, Decode(shippedLogp)));
            var shippedTagger = new NerTagger(perceptron)
            {
                FinalEmissions = (s, emissions) =>
                {
                    var lp = shippedLogp[s];
                    for (var i = 0; i < emissions.Length; i++) emissions[i] += best.Lambda * lp[i];
                },
            };
            Print(output, $"shipped variant combined λ={best.Lambda}", NerEvaluator.Score(dev, shippedTagger.TagDocument(devTokens)));
        }

        // End-to-end speed with the neural scores computed inside the hook, against the perceptron alone.
        var buffer = new float[devTokens.Max(t => t.Count) * NerLabels.Count];
        var live = new NeuralTagger(model, tables);
        var mixed = new NerTagger(perceptron)
        {
            FinalEmissions = (s, emissions) =>
            {
                live.LogProbabilities(devTokens[s], buffer);
                for (var i = 0; i < emissions.Length; i++) emissions[i] += best.Lambda * buffer[i];
            },
        };
        var alone = new NerTagger(perceptron);
        output.WriteLine($"speed, one thread, after warm-up: perceptron alone {total / Timed(() => alone.TagDocument(devTokens)):F0} tokens/s, with the neural scores {total / Timed(() => mixed.TagDocument(devTokens)):F0} tokens/s");
    }

    /// <summary>
    /// Records (never for choosing) the ANERcorp test score: the neural tagger trained on all of train, alone and
    /// mixed with <see cref="Settings.PerceptronModel"/> (trained on all of train) at a λ fixed beforehand.
    /// </summary>
    public static void RecordTest(string sharedDataRoot, Settings settings, float lambda, TextWriter output, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(log);
        var vectors = Vectors(sharedDataRoot, settings, log);
        var train = ConllCorpus.Read(Path.Combine(sharedDataRoot, NerTrainer.AnercorpTrain)).ToArray();
        var test = ConllCorpus.Read(Path.Combine(sharedDataRoot, NerTrainer.AnercorpTest)).ToArray();
        var testTokens = test.Select(s => s.Tokens).ToArray();
        var perceptron = NerModel.Load(settings.PerceptronModel);
        var model = TrainOrLoad(settings, 0, train, vectors, perceptron.Tables, [], [], output, log);
        var logp = LogProbabilities(model, perceptron.Tables, testTokens);
        Print(output, "test, neural alone", NerEvaluator.Score(test, Decode(logp)));
        Print(output, "test, perceptron alone", NerEvaluator.Score(test, new NerTagger(perceptron).TagDocument(testTokens)));
        var combined = new NerTagger(perceptron)
        {
            FinalEmissions = (s, emissions) =>
            {
                var lp = logp[s];
                for (var i = 0; i < emissions.Length; i++) emissions[i] += lambda * lp[i];
            },
        };
        Print(output, $"test, combined λ={lambda}", NerEvaluator.Score(test, combined.TagDocument(testTokens)));
    }

    /// <summary>
    /// k-fold cross-validation over contiguous blocks of ANERcorp train (the blocks of <c>marsad train ner --folds</c>):
    /// per fold the perceptron (default options, on <paramref name="resources"/>; cached beside
    /// <see cref="Settings.PerceptronModel"/> when that is given) and the neural tagger are trained on the other blocks,
    /// and the held-out block is tagged for every λ. Prints each fold's scores as it ends and the
    /// pooled scores at the end.
    /// </summary>
    public static void CrossValidate(string sharedDataRoot, Settings settings, NerResources resources, int folds, TextWriter output, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(log);
        var vectors = Vectors(sharedDataRoot, settings, log);
        var all = ConllCorpus.Read(Path.Combine(sharedDataRoot, NerTrainer.AnercorpTrain));
        var lambdas = settings.Lambdas;
        var predicted = new IReadOnlyList<string>[lambdas.Count][];
        for (var l = 0; l < lambdas.Count; l++) predicted[l] = new IReadOnlyList<string>[all.Count];
        var neuralAlone = new IReadOnlyList<string>[all.Count];
        for (var f = 0; f < folds; f++)
        {
            var clock = Stopwatch.StartNew();
            var from = (int)((long)all.Count * f / folds);
            var to = (int)((long)all.Count * (f + 1) / folds);
            var rest = all.Take(from).Concat(all.Skip(to)).ToArray();
            var held = all.Skip(from).Take(to - from).ToArray();
            var heldTokens = held.Select(s => s.Tokens).ToArray();
            NerModel perceptron;
            var perceptronCache = settings.PerceptronModel.Length > 0 ? $"{settings.PerceptronModel}.fold{f + 1}of{folds}" : null;
            if (perceptronCache is not null && File.Exists(perceptronCache))
            {
                perceptron = NerModel.Load(perceptronCache);
            }
            else
            {
                perceptron = NerTrainer.Train(rest, new NerTrainingOptions(), resources);
                if (perceptronCache is not null)
                {
                    using var stream = File.Create(perceptronCache);
                    perceptron.Save(stream);
                }
            }
            var members = new float[settings.Models][][];
            for (var k = 0; k < members.Length; k++)
            {
                var member = NeuralTrainer.Train(rest, vectors, settings.Training with { Seed = settings.Training.Seed + k }, perceptron.Tables);
                members[k] = LogProbabilities(member, perceptron.Tables, heldTokens);
            }
            var logp = members.Length == 1 ? members[0] : Average(members);
            var alone = Decode(logp);
            for (var s = 0; s < held.Length; s++) neuralAlone[from + s] = alone[s];
            var line = new System.Text.StringBuilder($"fold {f + 1}: neural {NerEvaluator.Score(held, alone).MicroF1:F2}");
            for (var l = 0; l < lambdas.Count; l++)
            {
                var lambda = lambdas[l];
                var combined = new NerTagger(perceptron)
                {
                    FinalEmissions = (s, emissions) =>
                    {
                        var lp = logp[s];
                        for (var i = 0; i < emissions.Length; i++) emissions[i] += lambda * lp[i];
                    },
                };
                var tags = combined.TagDocument(heldTokens);
                for (var s = 0; s < held.Length; s++) predicted[l][from + s] = tags[s];
                line.Append($" | λ={lambda} {NerEvaluator.Score(held, tags).MicroF1:F2}");
            }
            output.WriteLine(line.Append($" ({clock.Elapsed.TotalSeconds:F0} s)"));
            output.Flush();
        }
        Print(output, $"cv{folds} neural alone", NerEvaluator.Score(all, neuralAlone));
        for (var l = 0; l < lambdas.Count; l++) Print(output, $"cv{folds} combined λ={lambdas[l]}", NerEvaluator.Score(all, predicted[l]));
    }

    /// <summary>The k-th model of the ensemble (training seed + k), from its cache file when there is one.</summary>
    private static NeuralNerModel TrainOrLoad(Settings settings, int k, ConllSentence[] train, WordVectors vectors, NerTables tables, ConllSentence[] dev, IReadOnlyList<string>[] devTokens, TextWriter output, TextWriter log)
    {
        var cache = settings.NeuralCache is null ? null : k == 0 ? settings.NeuralCache : $"{settings.NeuralCache}.{k}";
        if (cache is not null && File.Exists(cache))
        {
            using var stream = File.OpenRead(cache);
            log.WriteLine($"neural: model loaded from {cache}");
            return NeuralNerModel.Load(stream);
        }
        var clock = Stopwatch.StartNew();
        var model = NeuralTrainer.Train(train, vectors, settings.Training with { Seed = settings.Training.Seed + k }, tables, log,
            dev.Length == 0 ? null : (epoch, m) => log.WriteLine($"neural: epoch {epoch} dev F1 {NerEvaluator.Score(dev, Decode(LogProbabilities(m, tables, devTokens))).MicroF1:F2} (logged only)"));
        output.WriteLine($"neural training: {clock.Elapsed.TotalSeconds:F1} s on {train.Length} sentences (seed {settings.Training.Seed + k}{(dev.Length > 0 ? ", per-epoch dev scoring included" : "")})");
        if (cache is not null)
        {
            using var stream = File.Create(cache);
            model.Save(stream);
        }
        return model;
    }

    private static float[][] Average(float[][][] members)
    {
        var result = new float[members[0].Length][];
        for (var s = 0; s < result.Length; s++)
        {
            result[s] = new float[members[0][s].Length];
            foreach (var m in members) SkipGram.Axpy(1f / members.Length, m[s], result[s]);
        }
        return result;
    }

    /// <summary>Mean seconds of three runs after two untimed ones, so JIT tiering and cold caches are not counted.</summary>
    private static double Timed(Action action)
    {
        action();
        action();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++) action();
        return clock.Elapsed.TotalSeconds / 3;
    }

    private static WordVectors Vectors(string sharedDataRoot, Settings settings, TextWriter log)
    {
        if (File.Exists(settings.VectorsCache))
        {
            using var stream = File.OpenRead(settings.VectorsCache);
            return WordVectors.Load(stream);
        }
        var clock = Stopwatch.StartNew();
        var sentences = NerResources.NewsSentences(sharedDataRoot, settings.MaxNewsDocuments);
        var vectors = WordVectors.Train(sentences, settings.Vocabulary, new SkipGram.Options
        {
            Dimensions = settings.VectorDimensions,
            Epochs = settings.VectorEpochs,
            Window = settings.VectorWindow,
        });
        using (var stream = File.Create(settings.VectorsCache)) vectors.Save(stream);
        log.WriteLine($"neural: trained {vectors.Count} word vectors in {clock.Elapsed.TotalSeconds:F1} s → {settings.VectorsCache}");
        return vectors;
    }

    private static float[][] LogProbabilities(NeuralNerModel model, NerTables tables, IReadOnlyList<string>[] sentences)
    {
        var result = new float[sentences.Length][];
        for (var s = 0; s < sentences.Length; s++) result[s] = new float[sentences[s].Count * NerLabels.Count];
        LogProbabilities(sentences, new NeuralTagger(model, tables), result);
        return result;
    }

    private static void LogProbabilities(IReadOnlyList<string>[] sentences, NeuralTagger tagger, float[][] result)
    {
        for (var s = 0; s < sentences.Length; s++) tagger.LogProbabilities(sentences[s], result[s]);
    }

    /// <summary>Best well-formed BIO path under the neural scores alone (no transition scores).</summary>
    private static string[][] Decode(float[][] logp)
    {
        const int L = NerLabels.Count;
        var transitions = new float[L * L];
        var start = new float[L];
        var tags = new string[logp.Length][];
        for (var s = 0; s < logp.Length; s++)
        {
            var n = logp[s].Length / L;
            var labels = new int[n];
            BioDecoder.Decode(logp[s], transitions, start, n, [], labels, new float[n * L], new byte[n * L]);
            tags[s] = new string[n];
            for (var i = 0; i < n; i++) tags[s][i] = NerLabels.Names[labels[i]];
        }
        return tags;
    }

    private static void Print(TextWriter output, string name, NerEvaluation e)
    {
        var types = string.Join(' ', e.PerType.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value.F1:F2}"));
        output.WriteLine($"{name}: F1 {e.MicroF1:F2} P {e.MicroPrecision:F2} R {e.MicroRecall:F2} | {types}");
    }
}
