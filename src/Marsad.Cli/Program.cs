using System.CommandLine;
using Marsad.Cli.Commands;

namespace Marsad.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var root = new RootCommand("Marsad (مرصد): Arabic news to searchable, structured, geolocated data.")
        {
            AnalyzeCommand.Create(),
            TrainCommand.Create(),
            EvalCommand.Create(),
            BenchCommand.Create(),
            IngestCommand.Create(),
            SearchCommand.Create(),
            ReindexCommand.Create(),
            CheckCommand.Create(),
            ExportCommand.Create(),
            GazetteerCommand.Create(),
            EventsCommand.Create(),
            ServeCommand.Create(),
        };
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            Console.Error.WriteLine($"marsad: {e.Message}");
            return 2;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"marsad: {e.Message}");
            return 2;
        }
    }
}
