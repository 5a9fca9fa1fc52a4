using System.CommandLine;
using System.Text.Json.Nodes;
using Marsad.Cli.Bench;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad bench …</c>: Marsad against a peer in the same run, reported as throughputs and their ratio.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure Marsad against a peer in the same run.");
        command.Subcommands.Add(Analyzer());
        return command;
    }

    private static Command Analyzer()
    {
        var split = SplitOption.Create("topic-train.tsv");
        var threads = new Option<int>("--threads") { Description = "Threads (default 1; the multi-core figure is also printed without --json).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object {marsad_tokens_per_s, lucene_tokens_per_s, ratio}." };
        var command = new Command("analyzer", "Normalise+tokenise+stem throughput: Marsad's chain vs Lucene.NET ArabicAnalyzer on the same bodies.") { split, threads, json };
        command.SetAction(result =>
        {
            var bodies = SplitOption.Bodies(SplitOption.Resolve(result.GetValue(split), "topic-train.tsv"));
            var threadCount = Math.Max(1, result.GetValue(threads));
            var single = AnalyzerThroughput.Measure(bodies, threadCount);
            if (result.GetValue(json))
            {
                JsonOutput.Print(new JsonObject
                {
                    ["marsad_tokens_per_s"] = Math.Round(single.MarsadTokensPerSecond),
                    ["lucene_tokens_per_s"] = Math.Round(single.LuceneTokensPerSecond),
                    ["ratio"] = JsonOutput.Round(single.Ratio),
                    ["threads"] = threadCount,
                });
                return 0;
            }
            var table = new Table().AddColumns("threads", "Marsad tokens/s", "Lucene ArabicAnalyzer tokens/s", "ratio");
            table.AddRow($"{threadCount}", $"{single.MarsadTokensPerSecond:N0}", $"{single.LuceneTokensPerSecond:N0}", $"{single.Ratio:F2}×");
            var cores = Environment.ProcessorCount;
            if (threadCount == 1 && cores > 1)
            {
                var multi = AnalyzerThroughput.Measure(bodies, cores);
                table.AddRow($"{cores}", $"{multi.MarsadTokensPerSecond:N0}", $"{multi.LuceneTokensPerSecond:N0}", $"{multi.Ratio:F2}×");
            }
            Console.Error.WriteLine($"marsad: {bodies.Count} bodies");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
