using System.CommandLine;
using System.Text.Json.Nodes;
using Marsad.Analysis;
using Marsad.Analysis.Events;
using Marsad.Analysis.Reading;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad eval events</c>: category recall and actor agreement on PETRARCH-format gold sentences, and the share of
/// sport, technology and culture sentences (topic-test split) that wrongly yield an ASSAULT or PROTEST event.
/// </summary>
public static class EvalEventsCommand
{
    private static readonly string[] DefaultGoldFiles = ["assault.xml", "protest.xml"];

    public static Command Create()
    {
        var gold = new Option<string?>("--gold") { Description = "PETRARCH gold XML file. Default: both shared data/events/gold-dev files." };
        var split = SplitOption.Create("topic-test.tsv");
        var errors = new Option<string?>("--errors") { Description = "Write the sentences the coder missed or disagreed on (and false positives) to this TSV file." };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object {sentences, category_recall, actor_agreement, false_positive_rate} (with --gold), or one per default file under its name.",
        };
        var command = new Command("events", "Score the event coder: gold category recall, actor agreement, false positives on sport/technology/culture.") { gold, split, errors, json };
        command.SetAction(result =>
        {
            var files = result.GetValue(gold) is { } one
                ? [one]
                : Array.ConvertAll(DefaultGoldFiles, f => CliEnvironment.SharedPath(Path.Combine("data", "events", "gold-dev", f)));
            var pipeline = DefaultPipeline.Create();
            using var errorWriter = result.GetValue(errors) is { } errorPath ? new StreamWriter(errorPath) : null;
            var scores = new List<(string File, EventGoldScore Score)>();
            foreach (var file in files)
            {
                if (!File.Exists(file)) throw new CliException($"{file}: gold file not found");
                scores.Add((file, EventEvaluator.ScoreGold(pipeline, PetrarchGold.Read(file), errorWriter)));
            }
            var splitFile = SplitOption.Resolve(result.GetValue(split), "topic-test.tsv");
            var quiet = CorpusSplit.Read(splitFile).Where(row => EventEvaluator.QuietTopics.Contains(row.Label)).Select(row => row.Article);
            var falsePositives = EventEvaluator.ScoreFalsePositives(pipeline, quiet, errorWriter);

            if (result.GetValue(json))
            {
                if (scores.Count == 1)
                {
                    var single = Object(scores[0].Score);
                    AddFalsePositives(single, falsePositives);
                    JsonOutput.Print(single);
                    return 0;
                }
                var all = new JsonObject();
                foreach (var (file, score) in scores) all[Path.GetFileNameWithoutExtension(file)] = Object(score);
                AddFalsePositives(all, falsePositives);
                JsonOutput.Print(all);
                return 0;
            }
            var table = new Table().AddColumns("gold file", "category", "sentences", "category recall", "actor agreement (found)", "actor agreement (all)");
            foreach (var (file, score) in scores)
            {
                table.AddRow(Markup.Escape(Path.GetFileName(file)), score.Category, $"{score.Sentences}", $"{score.CategoryRecall:F4}",
                    $"{score.ActorAgreement:F4} ({score.ActorAgreed}/{score.ActorSlots})", $"{score.ActorAgreementAll:F4}");
            }
            AnsiConsole.Write(table);
            Console.WriteLine($"false positives: {falsePositives.Flagged} of {falsePositives.Sentences} sentences ({falsePositives.Rate:P2}) "
                + $"in {falsePositives.Articles} sport/technology/culture articles yield an ASSAULT or PROTEST event");
            return 0;
        });
        return command;
    }

    private static JsonObject Object(EventGoldScore score) => new()
    {
        ["sentences"] = score.Sentences,
        ["category_recall"] = JsonOutput.Round(score.CategoryRecall),
        ["actor_agreement"] = JsonOutput.Round(score.ActorAgreement),
        ["actor_agreement_all"] = JsonOutput.Round(score.ActorAgreementAll),
    };

    private static void AddFalsePositives(JsonObject json, EventFalsePositiveScore score)
    {
        json["false_positive_rate"] = JsonOutput.Round(score.Rate);
        json["false_positive_sentences"] = score.Sentences;
    }
}
