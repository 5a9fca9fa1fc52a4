using System.CommandLine;
using Marsad.Search;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad export --format es-bulk</c>: the store as pre-analysed Elasticsearch/OpenSearch bulk requests.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "Output format: es-bulk.", Required = true };
        format.AcceptOnlyFromAmong("es-bulk");
        var output = new Option<string?>("--out") { Description = "File to write (default: stdout)." };
        var store = new StoreOptions();
        var command = new Command("export", "Export stored articles for another system.") { format, output };
        store.AddTo(command);
        command.SetAction(result =>
        {
            var (articles, index) = store.Open(result);
            using var storeScope = articles;
            using var indexScope = index;
            var path = result.GetValue(output);
            using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            using var buffered = new BufferedStream(stream, 1 << 16);
            var count = new EsBulkExporter(new MarsadAnalyzer()).Export(articles, buffered);
            Console.Error.WriteLine($"marsad: exported {count:N0} articles");
            return 0;
        });
        return command;
    }
}
