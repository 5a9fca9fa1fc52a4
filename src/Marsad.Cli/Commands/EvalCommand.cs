using System.CommandLine;
using System.Text.Json.Nodes;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Util;
using Marsad.Analysis.Reading;
using Marsad.Analysis.Sentences;
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

    private static JsonObject Scores(RetrievalScores scores) => new()
    {
        ["mrr10"] = JsonOutput.Round(scores.Mrr10),
        ["recall1"] = JsonOutput.Round(scores.Recall1),
        ["recall10"] = JsonOutput.Round(scores.Recall10),
    };

    private static SentenceBoundaryModel LoadModel(string path)
    {
        using var stream = File.OpenRead(path);
        return SentenceBoundaryModel.Load(stream);
    }
}
