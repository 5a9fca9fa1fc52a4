using System.CommandLine;
using System.Text.Json;
using Marsad.Analysis;
using Marsad.Analysis.Reading;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad analyze FILE...</c>: one JSON object per article on stdout (JSON Lines), errors on stderr.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files, folders or archives (.zip, .tar, .tar.gz) to read." };
        var pretty = new Option<bool>("--pretty") { Description = "Indent each JSON object." };
        var tokens = new Option<bool>("--tokens") { Description = "Add every token with its offsets, normalised form, stem and clitics." };
        var command = new Command("analyze", "Analyse articles and print one JSON object per article.") { paths, pretty, tokens };
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(pretty), result.GetValue(tokens)));
        return command;
    }

    private static int Run(string[] paths, bool pretty, bool keepTokens)
    {
        // The data folder's imported event lexicon applies, as the gazetteer's does (MARSAD_DATA, else ./marsad-data).
        var pipeline = DefaultPipeline.Create(Environment.GetEnvironmentVariable("MARSAD_DATA") ?? "marsad-data");
        using var stdout = Console.OpenStandardOutput();
        using var buffered = new BufferedStream(stdout, 1 << 16);
        using var writer = new Utf8JsonWriter(buffered, DocumentJsonWriter.WriterOptions(pretty));
        int articles = 0, errors = 0;
        foreach (var read in ArticleReader.ReadPaths(paths))
        {
            if (read.Error is { } error)
            {
                errors++;
                Console.Error.WriteLine($"marsad: {error}");
                continue;
            }
            var document = pipeline.Run(read.Article!, keepTokens);
            DocumentJsonWriter.Write(writer, document);
            writer.Flush();
            buffered.WriteByte((byte)'\n');
            writer.Reset();
            articles++;
        }
        buffered.Flush();
        if (errors > 0 || articles == 0)
            Console.Error.WriteLine($"marsad: {articles} article(s) analysed, {errors} error(s)");
        return errors > 0 || articles == 0 ? 1 : 0;
    }
}
