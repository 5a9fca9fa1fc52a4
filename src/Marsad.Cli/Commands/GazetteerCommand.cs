using System.CommandLine;
using Marsad.Analysis.Places;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad gazetteer import FILE... [--data DIR]</c>: converts GeoNames dumps and countries lists into the
/// compact <c>gazetteer.bin</c> in the data folder, which analysis loads in addition to the built-in gazetteer.
/// The file is rewritten from the files given, so importing is repeatable and never accumulates stale entries.
/// </summary>
public static class GazetteerCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "GeoNames dump files (cities*.txt, allCountries.txt) and countries lists (JSON)." };
        var data = new Option<string?>("--data") { Description = "Data folder. Default: ./marsad-data or MARSAD_DATA." };
        var import = new Command("import", "Build the data folder's gazetteer from GeoNames dumps and countries lists.") { files, data };
        import.SetAction(result => Import(result.GetValue(files)!, result.GetValue(data)));
        return new Command("gazetteer", "Manage the place gazetteer used by the geocoder.") { import };
    }

    private static int Import(string[] files, string? dataOption)
    {
        var places = new List<Place>();
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new CliException($"no such file: {file}");
            List<Place> read;
            try
            {
                read = GazetteerSources.Read(file);
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or System.Text.Json.JsonException)
            {
                throw new CliException($"{file}: {e.Message}");
            }
            Console.Error.WriteLine($"marsad: {file}: {read.Count:N0} places with Arabic names");
            places.AddRange(read);
        }
        var folder = Path.GetFullPath(dataOption ?? Environment.GetEnvironmentVariable("MARSAD_DATA") ?? "marsad-data");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Gazetteer.FileName);
        var temporary = path + ".tmp";
        using (var output = File.Create(temporary)) GazetteerFile.Write(output, places);
        File.Move(temporary, path, overwrite: true);
        Console.Error.WriteLine($"marsad: wrote {places.Count:N0} places to {path}");
        return 0;
    }
}
