using System.CommandLine;
using System.Text.Json.Nodes;
using Marsad.Search;
using Marsad.Store;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad check</c>: the store's integrity check plus store-vs-index consistency, read-only (safe beside a running
/// server or ingest). Exit code 0 when healthy, 1 when a problem was found.
/// </summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object {ok, articles, indexed, pending, store_sequence, index_sequence, problems}." };
        var store = new StoreOptions();
        var command = new Command("check", "Check the store's integrity and that the search index agrees with it (changes nothing).") { json };
        store.AddTo(command);
        command.SetAction(result =>
        {
            var data = store.DataDirectory(result);
            var url = result.GetValue(store.Store) ?? Environment.GetEnvironmentVariable("MARSAD_STORE");
            if (string.IsNullOrWhiteSpace(url) && !File.Exists(Path.Combine(data, SqliteArticleStore.FileName)))
                throw new CliException($"{data}: no store here (no {SqliteArticleStore.FileName}); give --data DIR or --store postgres://…");
            IntegrityReport report;
            using (var opened = ArticleStoreFactory.Open(url, data))
                report = IntegrityCheck.Run(opened, data);
            if (result.GetValue(json))
            {
                JsonOutput.Print(new JsonObject
                {
                    ["ok"] = report.IsHealthy,
                    ["articles"] = report.Articles,
                    ["indexed"] = report.Indexed,
                    ["pending"] = report.Pending,
                    ["store_sequence"] = report.StoreSequence,
                    ["index_sequence"] = report.IndexSequence,
                    ["problems"] = new JsonArray([.. report.Problems.Select(p => (JsonNode)JsonValue.Create(p))]),
                });
            }
            else
            {
                foreach (var problem in report.Problems) Console.Error.WriteLine($"marsad: {problem}");
                Console.Error.WriteLine(
                    $"marsad: {(report.IsHealthy ? "ok" : $"{report.Problems.Count} problem(s)")}: {report.Articles:N0} articles stored " +
                    $"(sequence {report.StoreSequence:N0}), {report.Indexed:N0} indexed (sequence {report.IndexSequence:N0}), {report.Pending:N0} waiting to be indexed");
            }
            return report.IsHealthy ? 0 : 1;
        });
        return command;
    }
}
