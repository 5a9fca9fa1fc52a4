using System.CommandLine;
using System.Text.Json.Nodes;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Util;
using Marsad.Analysis.Entities;
using Marsad.Analysis.Reading;
using Marsad.Analysis.Keywords;
using Marsad.Analysis.Sentences;
using Marsad.Analysis.Summaries;
using Marsad.Analysis.Topics;
using Marsad.Search;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad eval …</c>: scores a model on the fixed held-out data; <c>--json</c> prints one object.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Evaluate a model on the fixed held-out test data.");
        command.Subcommands.Add(Sentences());
        command.Subcommands.Add(Search());
        command.Subcommands.Add(Ner());
        command.Subcommands.Add(Topic());
        command.Subcommands.Add(Summary());
        command.Subcommands.Add(EvalEventsCommand.Create());
        return command;
    }

    private static Command Sentences()
    {
        var split = SplitOption.Create("topic-test.tsv");
        var model = new Option<string?>("--model") { Description = "Model file. Default: the model built into Marsad." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object {precision, recall, f1}." };
        var command = new Command("sentences", "Strip punctuation from held-out news and score the predicted sentence boundaries.") { split, model, json };
        command.SetAction(result =>
        {
            var bodies = SplitOption.Bodies(SplitOption.Resolve(result.GetValue(split), "topic-test.tsv"));
            var boundaryModel = result.GetValue(model) is { } path
                ? LoadModel(path)
                : SentenceBoundaryModel.LoadDefault();
            var score = SentenceBoundaryEvaluator.Evaluate(boundaryModel, bodies);
            if (result.GetValue(json))
            {
                JsonOutput.Print(new JsonObject
                {
                    ["precision"] = JsonOutput.Round(score.Precision),
                    ["recall"] = JsonOutput.Round(score.Recall),
                    ["f1"] = JsonOutput.Round(score.F1),
                });
                return 0;
            }
            var table = new Table().AddColumns("articles", "true boundaries", "precision", "recall", "F1");
            table.AddRow($"{bodies.Count}", $"{score.GoldBoundaries}", $"{score.Precision:F4}", $"{score.Recall:F4}", $"{score.F1:F4}");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Search()
    {
        var split = SplitOption.Create("topic-test.tsv");
        var json = new Option<bool>("--json") { Description = "Print one JSON object {marsad:{mrr10,recall1,recall10}, lucene:{…}}." };
        var command = new Command("search", "Known-item retrieval on ant-multisource: each test title must find its own article's body; Marsad's analyzer vs Lucene's ArabicAnalyzer.") { split, json };
        command.SetAction(result =>
        {
            var splitFile = SplitOption.Resolve(result.GetValue(split), "topic-test.tsv");
            var newsRoot = CorpusSplit.ResolveNewsRoot(splitFile);
            var corpus = new List<(string Key, string Body)>();
            var titles = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var read in ArticleReader.ReadPath(Path.Combine(newsRoot, "ant-multisource")))
            {
                if (read.Article is not { } article || !article.Origin.EndsWith(".txt", StringComparison.Ordinal)) continue;
                var key = Path.GetRelativePath(newsRoot, article.Origin);
                corpus.Add((key, article.Body));
                titles[key] = article.Title;
            }
            var queries = new List<(string Query, string TargetKey)>();
            foreach (var (path, _, _) in CorpusSplit.ReadRows(splitFile))
                if (titles.TryGetValue(path, out var title)) queries.Add((title, path));
            var marsad = KnownItemEvaluation.Evaluate(new MarsadAnalyzer(), corpus, queries);
            using var stock = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
            var lucene = KnownItemEvaluation.Evaluate(stock, corpus, queries);
            if (result.GetValue(json))
            {
                JsonOutput.Print(new JsonObject { ["marsad"] = Scores(marsad), ["lucene"] = Scores(lucene), ["queries"] = marsad.Queries, ["documents"] = corpus.Count });
                return 0;
            }
            var table = new Table().AddColumns("analyzer", "MRR@10", "R@1", "R@10", "MRR@10 (twins not counted)");
            table.AddRow("Marsad", $"{marsad.Mrr10:F4}", $"{marsad.Recall1:F4}", $"{marsad.Recall10:F4}", $"{marsad.StrictMrr10:F4}");
            table.AddRow("Lucene ArabicAnalyzer", $"{lucene.Mrr10:F4}", $"{lucene.Recall1:F4}", $"{lucene.Recall10:F4}", $"{lucene.StrictMrr10:F4}");
            Console.Error.WriteLine($"marsad: {queries.Count} title queries over {corpus.Count} bodies");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Ner()
    {
        var conll = new Option<string?>("--conll") { Description = "CoNLL file (token TAG). Default: shared data/ner/anercorp/test.txt." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object {micro_f1, precision, recall, per_type, tokens_per_s}." };
        var model = new Option<string?>("--model") { Description = "Model file (marsad train ner --out FILE). Default: the model built into Marsad." };
        var entityBias = new Option<float?>("--entity-bias") { Description = "Tuning: decode with this entity bias instead of the model's." };
        var neuralWeight = new Option<float?>("--neural-weight") { Description = "Tuning: weight of the model's neural taggers (a teacher saved with --set DistillStride=0) instead of the model's." };
        var predictions = new Option<string?>("--predictions") { Description = "Also write every token as 'token gold predicted' lines (sentences separated by blank lines) to this file, for error analysis." };
        var command = new Command("ner", "Tag pre-tokenised CoNLL input and score exact-match spans (conlleval rules).") { conll, json, model, entityBias, neuralWeight, predictions };
        command.SetAction(result =>
        {
            var file = result.GetValue(conll) ?? CliEnvironment.SharedPath(Path.Combine("data", "ner", "anercorp", "test.txt"));
            var gold = ConllCorpus.Read(file);
            var trained = result.GetValue(model) is { } path ? NerModel.Load(path) : NerModel.LoadDefault();
            if (result.GetValue(neuralWeight) is not null && trained.NeuralWeight == 0)
                throw new CliException("--neural-weight: the model has no neural taggers (only a teacher saved with --set DistillStride=0 has).");
            var ner = trained.WithDecoding(result.GetValue(entityBias), result.GetValue(neuralWeight));
            var score = NerEvaluator.Evaluate(ner, gold);
            if (result.GetValue(predictions) is { } predictionFile)
                WritePredictions(predictionFile, gold, new NerTagger(ner).TagDocument(gold.Select(s => s.Tokens).ToArray()));
            if (result.GetValue(json))
            {
                var perType = new JsonObject();
                foreach (var (type, s) in score.PerType.OrderBy(p => p.Key, StringComparer.Ordinal))
                    perType[type] = new JsonObject { ["precision"] = Fraction(s.Precision), ["recall"] = Fraction(s.Recall), ["f1"] = Fraction(s.F1) };
                JsonOutput.Print(new JsonObject
                {
                    ["micro_f1"] = Fraction(score.MicroF1),
                    ["precision"] = Fraction(score.MicroPrecision),
                    ["recall"] = Fraction(score.MicroRecall),
                    ["per_type"] = perType,
                    ["tokens_per_s"] = Math.Round(score.TokensPerSecond),
                });
                return 0;
            }
            var table = new Table().AddColumns("type", "precision", "recall", "F1", "gold", "predicted");
            foreach (var (type, s) in score.PerType.OrderBy(p => p.Key, StringComparer.Ordinal))
                table.AddRow(type, $"{s.Precision:F2}", $"{s.Recall:F2}", $"{s.F1:F2}", $"{s.Gold}", $"{s.Predicted}");
            table.AddRow("[bold]micro[/]", $"{score.MicroPrecision:F2}", $"{score.MicroRecall:F2}", $"[bold]{score.MicroF1:F2}[/]", "", "");
            AnsiConsole.Write(table);
            Console.Error.WriteLine($"marsad: {score.Sentences} sentences, {score.Tokens} tokens, {score.TokensPerSecond:N0} tokens/s; anchor AraBERT v0.1 83.1 F1");
            return 0;
        });
        return command;
    }

    private static Command Topic()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object {accuracy, macro_f1, loso, train_seconds}." };
        var command = new Command("topic", "Score the shipped topic model on topic-test; time a retraining; leave-one-source-out.") { json };
        command.SetAction(result =>
        {
            var splits = Path.Combine("data", "splits");
            var train = TopicCorpus.LoadSplit(CliEnvironment.SharedPath(Path.Combine(splits, "topic-train.tsv")));
            var dev = TopicCorpus.LoadSplit(CliEnvironment.SharedPath(Path.Combine(splits, "topic-dev.tsv")));
            var test = TopicCorpus.LoadSplit(CliEnvironment.SharedPath(Path.Combine(splits, "topic-test.tsv")));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            TopicTrainer.Train(train, dev, new TopicTrainingOptions());
            var trainSeconds = clock.Elapsed.TotalSeconds;
            var score = TopicEvaluator.Evaluate(TopicModel.LoadDefault(), test);
            var loso = TopicEvaluator.LeaveOneSourceOut(train, dev, test, new TopicTrainingOptions());
            if (result.GetValue(json))
            {
                var held = new JsonObject();
                foreach (var (source, s) in loso.OrderBy(p => p.Key, StringComparer.Ordinal))
                    held[source] = new JsonObject { ["accuracy"] = JsonOutput.Round(s.Accuracy), ["macro_f1"] = JsonOutput.Round(s.MacroF1) };
                JsonOutput.Print(new JsonObject
                {
                    ["accuracy"] = JsonOutput.Round(score.Accuracy),
                    ["macro_f1"] = JsonOutput.Round(score.MacroF1),
                    ["loso"] = held,
                    ["train_seconds"] = Math.Round(trainSeconds, 2),
                    ["articles_per_s"] = Math.Round(score.ArticlesPerSecond),
                    ["ece"] = JsonOutput.Round(score.ExpectedCalibrationError),
                });
                return 0;
            }
            var confusion = new Table().AddColumn("gold \\ predicted");
            foreach (var label in score.Labels) confusion.AddColumn(Markup.Escape(label));
            for (var g = 0; g < score.Labels.Count; g++)
            {
                var row = new List<string> { Markup.Escape(score.Labels[g]) };
                foreach (var count in score.Confusion[g]) row.Add($"{count}");
                confusion.AddRow([.. row]);
            }
            AnsiConsole.Write(confusion);
            var sources = new Table().AddColumns("held-out source", "accuracy", "macro-F1");
            foreach (var (source, s) in loso.OrderBy(p => p.Key, StringComparer.Ordinal)) sources.AddRow(Markup.Escape(source), $"{s.Accuracy:F4}", $"{s.MacroF1:F4}");
            AnsiConsole.Write(sources);
            AnsiConsole.MarkupLine($"test: accuracy [bold]{score.Accuracy:F4}[/], macro-F1 [bold]{score.MacroF1:F4}[/], ECE {score.ExpectedCalibrationError:F4}; " +
                $"training {trainSeconds:F1} s; {score.ArticlesPerSecond:N0} articles/s (anchor TF-IDF+LinearSVC 0.8966 / 0.8877)");
            return 0;
        });
        return command;
    }

    private static Command Summary()
    {
        var split = SplitOption.Create("topic-test.tsv");
        var defaults = SummarizerOptions.Default;
        var count = new Option<int>("--sentences") { Description = "Sentences per summary (1–5).", DefaultValueFactory = _ => defaults.SentenceCount };
        var position = new Option<double>("--position-weight") { Description = "Weight of the position prior (tune on topic-dev only).", DefaultValueFactory = _ => defaults.PositionWeight };
        var centrality = new Option<double>("--centrality-weight") { Description = "Weight of TextRank centrality (tune on topic-dev only).", DefaultValueFactory = _ => defaults.CentralityWeight };
        var titleWeight = new Option<double>("--title-weight") { Description = "Weight of similarity to the title (tune on topic-dev only).", DefaultValueFactory = _ => defaults.TitleWeight };
        var length = new Option<double>("--length-weight") { Description = "Penalty for long sentences (tune on topic-dev only).", DefaultValueFactory = _ => defaults.LengthWeight };
        var minWords = new Option<int>("--min-words") { Description = "Shortest sentence (content words) that may be chosen.", DefaultValueFactory = _ => defaults.MinWords };
        var json = new Option<bool>("--json") { Description = "Print one JSON object {rouge1, rouge2, lead3:{rouge1, rouge2}, articles, tokens:{summary, lead3, abstract}, articles_per_s}." };
        var command = new Command("summary", "ROUGE-1/2 F1 of Marsad's summaries and of the lead-3 baseline against each article's own abstract.")
            { split, count, position, centrality, titleWeight, length, minWords, json };
        command.SetAction(result =>
        {
            var splitFile = SplitOption.Resolve(result.GetValue(split), "topic-test.tsv");
            var options = defaults with
            {
                SentenceCount = result.GetValue(count),
                PositionWeight = result.GetValue(position),
                CentralityWeight = result.GetValue(centrality),
                TitleWeight = result.GetValue(titleWeight),
                LengthWeight = result.GetValue(length),
                MinWords = result.GetValue(minWords),
            };
            var summarizer = new Summarizer(KeywordStatistics.Default, options);
            var score = SummaryEvaluator.Evaluate(CorpusSplit.Read(splitFile).Select(a => a.Article), summarizer, SentenceSplitter.Default);
            if (result.GetValue(json))
            {
                JsonOutput.Print(new JsonObject
                {
                    ["rouge1"] = JsonOutput.Round(score.Rouge1),
                    ["rouge2"] = JsonOutput.Round(score.Rouge2),
                    ["lead3"] = new JsonObject { ["rouge1"] = JsonOutput.Round(score.Lead3Rouge1), ["rouge2"] = JsonOutput.Round(score.Lead3Rouge2) },
                    ["articles"] = score.Articles,
                    ["tokens"] = new JsonObject
                    {
                        ["summary"] = Math.Round(score.SummaryTokens, 1),
                        ["lead3"] = Math.Round(score.Lead3Tokens, 1),
                        ["abstract"] = Math.Round(score.AbstractTokens, 1),
                    },
                    ["articles_per_s"] = Math.Round(score.ArticlesPerSecond),
                });
                return 0;
            }
            var table = new Table().AddColumns("summary", "ROUGE-1 F1", "ROUGE-2 F1", "mean tokens");
            table.AddRow("Marsad", $"{score.Rouge1:F4}", $"{score.Rouge2:F4}", $"{score.SummaryTokens:F1}");
            table.AddRow("lead-3", $"{score.Lead3Rouge1:F4}", $"{score.Lead3Rouge2:F4}", $"{score.Lead3Tokens:F1}");
            table.AddRow("abstract", "", "", $"{score.AbstractTokens:F1}");
            AnsiConsole.Write(table);
            Console.Error.WriteLine($"marsad: {score.Articles} articles with an abstract; {score.ArticlesPerSecond:N0} summaries/s; tokens are clitic-free normalised words");
            return 0;
        });
        return command;
    }

    private static double Fraction(double percent) => JsonOutput.Round(percent / 100);

    private static JsonObject Scores(RetrievalScores scores) => new()
    {
        ["mrr10"] = JsonOutput.Round(scores.Mrr10),
        ["recall1"] = JsonOutput.Round(scores.Recall1),
        ["recall10"] = JsonOutput.Round(scores.Recall10),
    };

    /// <summary>CoNLL-style 'token gold predicted' lines, as conlleval reads them.</summary>
    internal static void WritePredictions(string file, IReadOnlyList<ConllSentence> gold, IReadOnlyList<IReadOnlyList<string>> tagged)
    {
        using var writer = new StreamWriter(file);
        for (var s = 0; s < gold.Count; s++)
        {
            for (var i = 0; i < gold[s].Count; i++) writer.WriteLine($"{gold[s].Tokens[i]} {gold[s].Tags[i]} {tagged[s][i]}");
            writer.WriteLine();
        }
    }

    private static SentenceBoundaryModel LoadModel(string path)
    {
        using var stream = File.OpenRead(path);
        return SentenceBoundaryModel.Load(stream);
    }
}
