using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Search;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad ingest PATH...</c>: analyse and store articles, idempotently, and index them for search.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files, folders or archives to ingest." };
        var json = new Option<bool>("--json") { Description = "No progress display; end with one JSON object {read, added, skipped, errors}." };
        var store = new StoreOptions();
        var command = new Command("ingest", "Read, analyse, store and index articles (idempotent: stored articles are skipped).") { paths, json };
        store.AddTo(command);
        command.SetAction(result => Run(result, store, result.GetValue(paths)!, result.GetValue(json)));
        return command;
    }

    private static int Run(ParseResult result, StoreOptions options, string[] paths, bool json)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl-C finishes the batch in hand and commits it; the process then exits normally.
            e.Cancel = true;
            cancellation.Cancel();
        };
        var (store, index) = options.Open(result);
        using var storeScope = store;
        using var indexScope = index;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var clock = Stopwatch.StartNew();
        var errors = new List<ReadError>();
        IngestReport report;
        var reads = ArticleReader.ReadPaths(paths, ct: cancellation.Token);
        var pipeline = DefaultPipeline.Create(options.DataDirectory(result));
        if (json || Console.IsErrorRedirected)
        {
            report = Ingest(store, index, pipeline, reads, errors, null, cancellation.Token);
        }
        else
        {
            report = new IngestReport(0, 0, 0, 0);
            console.Progress()
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("ingesting");
                    task.IsIndeterminate = true;
                    report = Ingest(store, index, pipeline, reads, errors, progress =>
                        task.Description = Describe(progress, clock.Elapsed), cancellation.Token);
                    task.Description = Describe(report, clock.Elapsed);
                    task.StopTask();
                });
        }
        foreach (var error in errors) Console.Error.WriteLine($"marsad: {error}");
        if (json)
        {
            JsonOutput.Print(new JsonObject
            {
                ["read"] = report.Read,
                ["added"] = report.Added,
                ["skipped"] = report.Skipped,
                ["errors"] = report.Errors,
            });
        }
        else
        {
            Console.Error.WriteLine($"marsad: {Describe(report, clock.Elapsed)}; store holds {store.Count():N0}, index {index.DocumentCount:N0}");
        }
        return cancellation.IsCancellationRequested ? 130 : 0;
    }

    private static IngestReport Ingest(Marsad.Store.IArticleStore store, SearchIndex index, AnalysisPipeline pipeline, IEnumerable<ReadResult> reads,
        List<ReadError> errors, Action<IngestReport>? progress, CancellationToken cancellation)
    {
        var ingestor = new Ingestor(store, index, pipeline)
        {
            Progress = progress,
            Error = errors.Add,
        };
        try
        {
            return ingestor.Run(reads, cancellation);
        }
        catch (OperationCanceledException)
        {
            return new IngestReport(0, 0, 0, errors.Count);
        }
    }

    private static string Describe(IngestReport report, TimeSpan elapsed) =>
        $"{report.Read:N0} read, {report.Added:N0} added, {report.Skipped:N0} skipped, {report.Errors:N0} errors — " +
        $"{report.Read / Math.Max(0.001, elapsed.TotalSeconds):N0} articles/s";
}
