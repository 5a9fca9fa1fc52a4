using System.CommandLine;
using System.Text.Json.Nodes;
using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Cli.Bench;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad bench pipeline</c>: full-analysis throughput on one thread and each component's share of it.</summary>
public static class BenchPipelineCommand
{
    public static Command Create()
    {
        var split = SplitOption.Create("topic-test.tsv");
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object {articles, articles_per_s, articles_per_s_without_events, events_share, components:{name: ms_per_article}}.",
        };
        var command = new Command("pipeline", "Run the full analysis pipeline over a split on one thread; articles/s and time per component (events' share).") { split, json };
        command.SetAction(result =>
        {
            var splitFile = SplitOption.Resolve(result.GetValue(split), "topic-test.tsv");
            var articles = CorpusSplit.Read(splitFile).Select(row => row.Article).ToList();
            if (articles.Count == 0) throw new CliException($"{splitFile}: no articles");
            var timing = PipelineTiming.Measure(DefaultPipeline.Create(), articles, warmUp: Math.Min(300, articles.Count));
            var events = timing.Components.Where(c => c.Name == "events").Sum(c => c.Seconds);
            if (result.GetValue(json))
            {
                var components = new JsonObject();
                foreach (var (name, seconds) in timing.Components) components[name] = JsonOutput.Round(seconds * 1000 / timing.Articles);
                JsonOutput.Print(new JsonObject
                {
                    ["articles"] = timing.Articles,
                    ["articles_per_s"] = Math.Round(timing.ArticlesPerSecond, 1),
                    ["articles_per_s_without_events"] = Math.Round(timing.ArticlesPerSecondWithout("events"), 1),
                    ["events_share"] = JsonOutput.Round(events / timing.TotalSeconds),
                    ["components"] = components,
                });
                return 0;
            }
            var table = new Table().AddColumns("component", "ms / article", "share");
            foreach (var (name, seconds) in timing.Components)
                table.AddRow(name, $"{seconds * 1000 / timing.Articles:F3}", $"{seconds / timing.TotalSeconds:P1}");
            AnsiConsole.Write(table);
            Console.WriteLine($"{timing.Articles:N0} articles: {timing.ArticlesPerSecond:N0} articles/s on one thread; "
                + $"{timing.ArticlesPerSecondWithout("events"):N0} without events (events cost {events / timing.TotalSeconds:P1} of the time)");
            return 0;
        });
        return command;
    }
}
