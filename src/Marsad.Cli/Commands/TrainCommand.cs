using System.CommandLine;
using System.Diagnostics;
using Marsad.Analysis.Entities;
using Marsad.Analysis.Entities.Neural;
using Marsad.Analysis.Keywords;
using Marsad.Analysis.Reading;
using Marsad.Analysis.Sentences;
using Marsad.Analysis.Topics;
using Marsad.Text;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad train …</c>: rebuilds the model files that ship in models/ from the shared corpora.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train a model from the shared corpora and write it to models/.");
        command.Subcommands.Add(Sentences());
        command.Subcommands.Add(Lexicon());
        command.Subcommands.Add(Ner());
        command.Subcommands.Add(Neural());
        command.Subcommands.Add(Topic());
        command.Subcommands.Add(Keywords());
        return command;
    }

    private static Command Sentences()
    {
        var split = SplitOption.Create("topic-train.tsv");
        var output = new Option<string?>("--out") { Description = "Model file to write. Default: models/sentences.model." };
        var set = SetOption("SentenceTrainingOptions");
        var command = new Command("sentences", "Train the sentence-boundary model on punctuated news (the punctuation supervises itself).") { split, output, set };
        command.SetAction(result =>
        {
            var bodies = SplitOption.Bodies(SplitOption.Resolve(result.GetValue(split), "topic-train.tsv"));
            var clock = Stopwatch.StartNew();
            var options = new SentenceTrainingOptions();
            ApplySets(result.GetValue(set), options);
            var model = SentenceBoundaryModel.Train(bodies, options);
            var path = result.GetValue(output) ?? CliEnvironment.ModelPath("sentences.model");
            Save(path, model.Save);
            Console.Error.WriteLine($"marsad: trained on {bodies.Count} articles in {clock.Elapsed.TotalSeconds:F1} s → {path} ({new FileInfo(path).Length / 1024} KiB)");
            return 0;
        });
        return command;
    }

    private static Command Ner()
    {
        var output = new Option<string?>("--out") { Description = "Model file to write. Default: models/ner.model (not written with --dev unless --out is given)." };
        var dev = new Option<double>("--dev") { Description = "Tuning: hold out this fraction of ANERcorp train (its last sentences) as dev, train on the rest and print the dev score." };
        var test = new Option<bool>("--test") { Description = "Also print the trained model's score on ANERcorp test (for recording an experiment, never for choosing)." };
        var resources = new Option<string?>("--resources") { Description = "Tuning: cache file for the gazetteer and cluster tables (built and saved when missing, loaded when present)." };
        var set = SetOption("NerTrainingOptions (Neural.Name for the neural taggers) or NerResourceOptions");
        var folds = new Option<int>("--folds") { Description = "Tuning: k-fold cross-validation over contiguous blocks of ANERcorp train; prints the pooled score of all folds and writes no model." };
        var predictions = new Option<string?>("--predictions") { Description = "Tuning: write the dev sentences as 'token gold predicted' lines to this file." };
        var teacher = new Option<string?>("--teacher") { Description = "Tuning: distil this saved teacher (trained with the same --dev and --set DistillStride=0 --out FILE) instead of training one; its decoding follows --set NeuralWeight / EntityBias." };
        var command = new Command("ner", "Train the named-entity model on ANERcorp train, with gazetteers and word clusters from the shared data.") { output, dev, test, resources, set, predictions, folds, teacher };
        command.SetAction(result =>
        {
            var shared = CliEnvironment.SharedPath(".");
            var clock = Stopwatch.StartNew();
            var options = new NerTrainingOptions { Log = Console.Error };
            var resourceOptions = new NerResourceOptions();
            ApplySets(result.GetValue(set), options, resourceOptions);
            var devFraction = result.GetValue(dev);
            NerModel? savedTeacher = null;
            if (result.GetValue(teacher) is { } teacherPath)
            {
                if (result.GetValue(folds) > 1) throw new CliException("--teacher: a saved teacher was trained on one split; it cannot teach the folds of --folds.");
                savedTeacher = NerModel.Load(teacherPath);
                if (savedTeacher.NeuralWeight == 0) throw new CliException($"{teacherPath}: the model has no neural taggers to distil (train it with --set DistillStride=0).");
            }
            var cache = result.GetValue(resources);
            NerResources res;
            if (cache is not null && File.Exists(cache))
            {
                using var stream = File.OpenRead(cache);
                res = NerResources.Load(stream).WithNews(shared, resourceOptions.MaxNewsDocuments);
            }
            else
            {
                res = NerResources.Build(shared, resourceOptions);
                if (cache is not null) Save(cache, res.Save);
            }
            Console.Error.WriteLine($"marsad: resources ready in {clock.Elapsed.TotalSeconds:F1} s (gazetteer {res.GazetteerEntries}, clusters {res.ClusterVocabulary})");
            var train = ConllCorpus.Read(Path.Combine(shared, NerTrainer.AnercorpTrain));
            if (result.GetValue(folds) is var k and > 1)
            {
                var predicted = new IReadOnlyList<string>[train.Count];
                for (var f = 0; f < k; f++)
                {
                    var from = (int)((long)train.Count * f / k);
                    var to = (int)((long)train.Count * (f + 1) / k);
                    var rest = train.Take(from).Concat(train.Skip(to)).ToArray();
                    var held = train.Skip(from).Take(to - from).ToArray();
                    var foldModel = NerTrainer.Train(rest, options with { Log = null }, res);
                    var tagged = new NerTagger(foldModel).TagDocument(held.Select(s => s.Tokens).ToArray());
                    for (var s = 0; s < held.Length; s++) predicted[from + s] = tagged[s];
                    PrintNerScore($"fold {f + 1}", NerEvaluator.Score(held, tagged));
                }
                PrintNerScore($"cv{k}", NerEvaluator.Score(train, predicted));
                if (result.GetValue(predictions) is { } cvFile) EvalCommand.WritePredictions(cvFile, train, predicted);
                return 0;
            }
            IReadOnlyList<ConllSentence>? devSet = null;
            if (devFraction > 0)
            {
                var cut = (int)Math.Round(train.Count * (1 - devFraction));
                devSet = train.Skip(cut).ToArray();
                train = train.Take(cut).ToArray();
            }
            var trainOptions = devSet is null ? options : options with { Dev = devSet };
            var model = savedTeacher is null
                ? NerTrainer.Train(train, trainOptions, res)
                : NerTrainer.Distil(train, savedTeacher.WithDecoding(options.EntityBias, options.NeuralWeight), trainOptions, res);
            if (devSet is not null)
            {
                PrintNerScore("dev", NerEvaluator.Evaluate(model, devSet));
                if (result.GetValue(predictions) is { } file)
                {
                    EvalCommand.WritePredictions(file, devSet, new NerTagger(model).TagDocument(devSet.Select(s => s.Tokens).ToArray()));
                }
            }
            if (result.GetValue(test)) PrintNerScore("test", NerEvaluator.Evaluate(model, ConllCorpus.Read(Path.Combine(shared, NerTrainer.AnercorpTest))));
            var path = result.GetValue(output) ?? (devSet is null ? CliEnvironment.ModelPath("ner.model") : null);
            if (path is not null)
            {
                Save(path, model.Save);
                Console.Error.WriteLine($"marsad: trained in {clock.Elapsed.TotalSeconds:F1} s → {path} ({new FileInfo(path).Length / 1024} KiB)");
            }
            return 0;
        });
        return command;
    }

    private static Command Neural()
    {
        var model = new Option<string?>("--model") { Description = "Perceptron model trained with the same --dev (marsad train ner --dev 0.2 --out FILE); with --folds, the prefix of per-fold perceptron caches." };
        var vectors = new Option<string>("--vectors") { Description = "Word-vector cache file (trained from the shared news when missing).", Required = true };
        var neural = new Option<string?>("--neural") { Description = "Neural model cache file (trained when missing)." };
        var dev = new Option<double>("--dev") { Description = "Fraction of ANERcorp train held out as dev (its last sentences).", DefaultValueFactory = _ => 0.2 };
        var folds = new Option<int>("--folds") { Description = "Cross-validate instead: per fold train both taggers on the other blocks (needs --resources) and score the combination." };
        var resources = new Option<string?>("--resources") { Description = "Resources cache (as for marsad train ner) for the perceptrons trained by --folds." };
        var test = new Option<float>("--test-lambda") { Description = "Record instead the ANERcorp test score at this λ fixed beforehand (--model trained on all of train; for recording, never for choosing)." };
        var set = SetOption("NeuralTrainingOptions or NeuralExperiment.Settings");
        var command = new Command("neural", "Tuning: train the BiLSTM tagger on ANERcorp train less the dev slice and score it alone and mixed into the perceptron's emissions.") { model, vectors, neural, dev, folds, resources, test, set };
        command.SetAction(result =>
        {
            var training = new NeuralTrainingOptions();
            var settings = new NeuralExperiment.Settings
            {
                PerceptronModel = result.GetValue(model) ?? "",
                VectorsCache = result.GetValue(vectors)!,
                NeuralCache = result.GetValue(neural),
                DevFraction = result.GetValue(dev),
            };
            ApplySets(result.GetValue(set), training, settings);
            if (result.GetValue(folds) is var k and > 1)
            {
                var shared = CliEnvironment.SharedPath(".");
                var cache = result.GetValue(resources) ?? throw new CliException("--folds needs --resources");
                using var stream = File.OpenRead(cache);
                var res = NerResources.Load(stream).WithNews(shared);
                NeuralExperiment.CrossValidate(shared, settings with { Training = training }, res, k, Console.Out, Console.Error);
                return 0;
            }
            if (settings.PerceptronModel.Length == 0) throw new CliException("--model is required without --folds");
            if (result.GetValue(test) is var lambda and > 0)
            {
                NeuralExperiment.RecordTest(CliEnvironment.SharedPath("."), settings with { Training = training }, lambda, Console.Out, Console.Error);
                return 0;
            }
            NeuralExperiment.Run(CliEnvironment.SharedPath("."), settings with { Training = training }, Console.Out, Console.Error);
            return 0;
        });
        return command;
    }

    private static void PrintNerScore(string split, NerEvaluation e)
    {
        var types = string.Join(' ', e.PerType.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value.F1:F2}"));
        Console.WriteLine($"{split}: F1 {e.MicroF1:F2} P {e.MicroPrecision:F2} R {e.MicroRecall:F2} | {types}");
    }

    /// <summary>Sets an init-only property of an options record by name (tuning runs only).</summary>
    private static Option<string[]> SetOption(string optionTypes) =>
        new("--set") { Description = $"Tuning: override a {optionTypes} property, Name=Value (repeatable).", AllowMultipleArgumentsPerToken = true };

    /// <summary>Applies --set Name=Value assignments to the first of <paramref name="targets"/> that has such a property.</summary>
    private static void ApplySets(IEnumerable<string>? assignments, params object[] targets)
    {
        foreach (var assignment in assignments ?? [])
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new CliException($"--set {assignment}: expected Name=Value");
            var name = assignment[..eq];
            var value = assignment[(eq + 1)..];
            if (!targets.Any(target => TrySet(target, name, value)))
                throw new CliException($"--set {assignment}: no such option");
        }
    }

    private static bool TrySet(object options, string name, string value)
    {
        // "Neural.Hidden" reaches into a nested options object.
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
            return options.GetType().GetProperty(name[..dot])?.GetValue(options) is { } nested && TrySet(nested, name[(dot + 1)..], value);
        var property = options.GetType().GetProperty(name);
        if (property is null || !property.CanWrite) return false;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        object parsed = type.IsEnum ? Enum.Parse(type, value) : Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture);
        property.SetValue(options, parsed);
        return true;
    }

    private static Command Topic()
    {
        var output = new Option<string?>("--out") { Description = "Model file to write. Default: models/topic.model." };
        var dev = new Option<bool>("--dev") { Description = "Tuning: train on topic-train only, calibrate on topic-dev and print the dev score; writes no model." };
        var folds = new Option<int>("--folds") { Description = "Tuning: k-fold cross-validation over topic-train (interleaved folds, each fold's model calibrated on topic-dev); prints the pooled score and writes no model." };
        var set = SetOption("TopicTrainingOptions");
        var command = new Command("topic", "Train the topic classifier on topic-train (title + body), calibrate it on topic-dev, then retrain on both.") { output, dev, folds, set };
        command.SetAction(result =>
        {
            var train = TopicCorpus.LoadSplit(CliEnvironment.SharedPath(Path.Combine("data", "splits", "topic-train.tsv")));
            var devSet = TopicCorpus.LoadSplit(CliEnvironment.SharedPath(Path.Combine("data", "splits", "topic-dev.tsv")));
            var options = new TopicTrainingOptions();
            ApplySets(result.GetValue(set), options);
            if (result.GetValue(folds) is var k and > 1)
            {
                PrintTopicScore($"cv{k}", TopicEvaluator.CrossValidate(train, devSet, k, options with { RefitWithDev = false }));
                return 0;
            }
            if (result.GetValue(dev))
            {
                var devModel = TopicTrainer.Train(train, devSet, options with { RefitWithDev = false });
                PrintTopicScore("dev", TopicEvaluator.Evaluate(devModel, devSet));
                return 0;
            }
            var clock = Stopwatch.StartNew();
            var model = TopicTrainer.Train(train, devSet, options);
            var seconds = clock.Elapsed.TotalSeconds;
            var path = result.GetValue(output) ?? CliEnvironment.ModelPath("topic.model");
            Save(path, model.Save);
            Console.Error.WriteLine($"marsad: trained on {train.Count} + {devSet.Count} articles in {seconds:F1} s → {path} ({new FileInfo(path).Length / 1024} KiB)");
            return 0;
        });
        return command;
    }

    private static void PrintTopicScore(string split, TopicEvaluation e) =>
        Console.WriteLine($"{split}: accuracy {e.Accuracy:F4} macro-F1 {e.MacroF1:F4} ({e.Count} articles)");

    private static Command Keywords()
    {
        var split = SplitOption.Create("topic-train.tsv");
        var output = new Option<string?>("--out") { Description = "Statistics file to write. Default: models/keyword-df.br." };
        var command = new Command("keywords", "Count the document frequencies of stems in the topic-train bodies, the IDF used by keywords and summaries.") { split, output };
        command.SetAction(result =>
        {
            var splitFile = SplitOption.Resolve(result.GetValue(split), "topic-train.tsv");
            var clock = Stopwatch.StartNew();
            var path = result.GetValue(output) ?? CliEnvironment.ModelPath("keyword-df.br");
            KeywordStatistics? statistics = null;
            Save(path, stream => statistics = KeywordStatistics.Build(CorpusSplit.Read(splitFile).Select(a => a.Article.Body), stream));
            Console.Error.WriteLine($"marsad: {statistics!.StemCount} stems over {statistics.Documents} articles in {clock.Elapsed.TotalSeconds:F1} s → {path} ({new FileInfo(path).Length / 1024} KiB)");
            return 0;
        });
        return command;
    }

    private static Command Lexicon()
    {
        var output = new Option<string?>("--out") { Description = "Lexicon file to write. Default: src/Marsad.Text/Resources/news-lexicon.br." };
        var command = new Command("lexicon", "Build the word-frequency lexicon that guards clitic segmentation, from the unlabelled shared news.") { output };
        command.SetAction(result =>
        {
            var bodies = LexiconTexts();
            var path = result.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(CliEnvironment.ModelPath("x"))!, "..", "src", "Marsad.Text", "Resources", LexiconFileName);
            Save(path, stream => CliticSegmenter.BuildLexicon(bodies, stream));
            Console.Error.WriteLine($"marsad: lexicon → {Path.GetFullPath(path)} ({new FileInfo(path).Length / 1024} KiB)");
            return 0;
        });
        return command;
    }

    private static readonly string LexiconFileName = WordFrequencyLexicon.ResourceName["Marsad.Text.".Length..];

    /// <summary>
    /// The unlabelled text the lexicon counts words in: the topic-train bodies in split order, then every
    /// SaudiNewsNet article (zips in name order), streamed so the whole corpus never sits in memory.
    /// </summary>
    private static IEnumerable<string> LexiconTexts()
    {
        foreach (var body in SplitOption.Bodies(CliEnvironment.SharedPath(Path.Combine("data", "splits", "topic-train.tsv")))) yield return body;
        var saudi = Directory.GetFiles(CliEnvironment.SharedPath(Path.Combine("data", "news", "saudinewsnet")), "*.zip");
        Array.Sort(saudi, StringComparer.Ordinal);
        foreach (var read in ArticleReader.ReadPaths(saudi))
            if (read.Article is { } article) yield return article.Body;
    }

    /// <summary>Writes to a temporary file first so an interrupted training never leaves a truncated model behind.</summary>
    private static void Save(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary)) write(stream);
        File.Move(temporary, path, overwrite: true);
    }
}
