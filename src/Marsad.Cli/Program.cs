using System.CommandLine;

namespace Marsad.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Marsad: Arabic news to searchable, structured, geolocated data.");
        var pretty = new Option<bool>("--pretty") { Description = "Indent the JSON output." };
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Files, folders or archives." };
        var analyze = new Command("analyze", "Analyse articles and print one JSON object per article.") { files, pretty };
        analyze.SetAction(pr => { Console.WriteLine(string.Join(",", pr.GetValue(files)!)); return 0; });
        root.Subcommands.Add(analyze);
        return root.Parse(args).Invoke();
    }
}
