using System.CommandLine;
using System.Text.Json.Nodes;
using Marsad.Analysis.Sentences;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad eval …</c>: scores a model on the fixed held-out data; <c>--json</c> prints one object.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Evaluate a model on the fixed held-out test data.");
        command.Subcommands.Add(Sentences());
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

    private static SentenceBoundaryModel LoadModel(string path)
    {
        using var stream = File.OpenRead(path);
        return SentenceBoundaryModel.Load(stream);
    }
}
