using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Analysis.Events;
using Marsad.Search;
using Marsad.Search.Events;
using Marsad.Store;
using Marsad.Store.Events;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad events</c>: the stored events, filtered, as ACLED-style CSV, JSON Lines or GeoJSON; and
/// <c>marsad events import-dictionary FILE...</c>: PETRARCH-format dictionaries into the data folder's event lexicon.
/// </summary>
public static class EventsCommand
{
    private static readonly string[] Formats = ["csv", "jsonl", "geojson"];

    public static Command Create()
    {
        var place = new Option<string?>("--place") { Description = "Only events at this place or in this country (e.g. درنة, ليبيا); clitic and spelling variants match." };
        var actor = new Option<string?>("--actor") { Description = "Only events whose actor (or an associated actor) is named so (e.g. حفتر)." };
        var type = new Option<string?>("--type") { Description = "Marsad type (airstrike), PLOVER category (ASSAULT), ACLED event or sub-event type (Battles), or CAMEO code/root (19)." };
        var from = new Option<string?>("--from") { Description = "Events on or after this date (yyyy-mm-dd)." };
        var to = new Option<string?>("--to") { Description = "Events on or before this date (yyyy-mm-dd)." };
        var modality = new Option<string?>("--modality") { Description = "occurred, ongoing, planned, hypothetical, threatened, alleged or denied." };
        var query = new Option<string?>("--query") { Description = "Only events of articles this search finds (the query language of marsad search)." };
        var format = new Option<string>("--format") { Description = "csv (ACLED columns, RFC 4180), jsonl (one event per line) or geojson (points). Default csv.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output." };
        var store = new StoreOptions();
        var command = new Command("events", "Export stored events (who did what to whom, where, when) as CSV, JSON Lines or GeoJSON.")
        {
            place, actor, type, from, to, modality, query, format, output,
        };
        store.AddTo(command);
        command.SetAction(result =>
        {
            var filter = new EventFilter
            {
                Place = result.GetValue(place),
                Actor = result.GetValue(actor),
                Type = result.GetValue(type),
                Modality = Modality(result.GetValue(modality)),
                From = Date(result.GetValue(from), "--from"),
                To = Date(result.GetValue(to), "--to"),
            };
            return Export(result, store, filter, result.GetValue(query), result.GetValue(format)!, result.GetValue(output));
        });
        command.Subcommands.Add(ImportCommand());
        return command;
    }

    private static int Export(ParseResult result, StoreOptions options, EventFilter filter, string? query, string format, string? outPath)
    {
        using var store = options.OpenStore(result);
        if (!string.IsNullOrWhiteSpace(query))
        {
            using var index = SearchIndex.Open(store, options.DataDirectory(result));
            index.CatchUp();
            try
            {
                filter = EventArticles.Restrict(filter, index, new SearchRequest(query));
            }
            catch (QuerySyntaxException e)
            {
                throw new CliException($"query refused: {e.Message}");
            }
        }
        if (format == "geojson") filter = filter with { WithCoordinates = true };

        var temporary = outPath is null ? null : Path.GetFullPath(outPath) + ".tmp";
        long written;
        using (var stream = temporary is null ? Console.OpenStandardOutput() : File.Create(temporary))
        using (var buffered = new BufferedStream(stream, 1 << 16))
        {
            written = format switch
            {
                "csv" => WriteCsv(buffered, store.ReadEvents(filter)),
                "jsonl" => WriteJsonLines(buffered, store.ReadEvents(filter)),
                _ => WriteGeoJson(buffered, store.ReadEvents(filter)),
            };
        }
        if (temporary is not null)
        {
            File.Move(temporary, Path.GetFullPath(outPath!), overwrite: true);
            Console.Error.WriteLine($"marsad: {written:N0} events written to {outPath}");
        }
        return 0;
    }

    private static long WriteCsv(Stream output, IEnumerable<StoredEvent> events)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        EventExport.WriteCsvHeader(writer);
        long count = 0;
        foreach (var e in events)
        {
            EventExport.WriteCsvRow(writer, e);
            count++;
        }
        return count;
    }

    private static long WriteJsonLines(Stream output, IEnumerable<StoredEvent> events)
    {
        using var writer = new Utf8JsonWriter(output, EventExport.WriterOptions());
        long count = 0;
        foreach (var e in events)
        {
            EventExport.WriteJson(writer, e);
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
            count++;
        }
        return count;
    }

    private static long WriteGeoJson(Stream output, IEnumerable<StoredEvent> events)
    {
        using var writer = new Utf8JsonWriter(output, EventExport.WriterOptions());
        EventExport.WriteGeoJsonStart(writer);
        long count = 0;
        foreach (var e in events)
        {
            if (EventExport.WriteFeature(writer, e)) count++;
            if (writer.BytesPending > 1 << 16) writer.Flush();
        }
        EventExport.WriteGeoJsonEnd(writer);
        writer.Flush();
        output.WriteByte((byte)'\n');
        return count;
    }

    private static Command ImportCommand()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "PETRARCH verb dictionaries (--- VERB [code] --- blocks), actor dictionaries (NAME [CODE]) and agent dictionaries (NAME [~CODE]words)." };
        var data = new Option<string?>("--data") { Description = "Data folder. Default: ./marsad-data or MARSAD_DATA." };
        var command = new Command("import-dictionary",
            $"Convert PETRARCH-format dictionaries into the data folder's {EventLexicon.ImportedFileName}, which analysis loads after the built-in event lexicon.")
        {
            files, data,
        };
        command.SetAction(result => Import(result.GetValue(files)!, result.GetValue(data)));
        return command;
    }

    private static int Import(string[] files, string? dataOption)
    {
        var dictionary = new PetrarchDictionary();
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new CliException($"no such file: {file}");
            var counts = dictionary.Add(PetrarchDictionary.ReadLines(file), file);
            Console.Error.WriteLine("marsad: " + PetrarchDictionary.Describe(file, counts));
        }
        var lines = dictionary.Lines().ToList();
        try
        {
            // Refuse to write a file the analysis could not load.
            EventLexicon.Parse(lines, "imported lexicon");
        }
        catch (FormatException e)
        {
            throw new CliException($"the converted dictionaries do not form a valid lexicon: {e.Message}");
        }
        var folder = Path.GetFullPath(dataOption ?? Environment.GetEnvironmentVariable("MARSAD_DATA") ?? "marsad-data");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, EventLexicon.ImportedFileName);
        var temporary = path + ".tmp";
        File.WriteAllLines(temporary, lines, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
        var total = dictionary.Counts();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"marsad: wrote {total.TriggerForms:N0} trigger forms, {total.Groups:N0} named actors and {total.Agents:N0} role nouns to {path}; ingest, analyze and serve with this data folder use them"));
        return 0;
    }

    private static string? Modality(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var name = value.Trim().ToLowerInvariant();
        return EventModalityNames.TryParse(name, out _)
            ? name
            : throw new CliException($"--modality {value}: expected one of {string.Join(", ", Enum.GetValues<EventModality>().Select(EventModalityNames.Name))}");
    }

    private static DateOnly? Date(string? value, string option)
    {
        if (value is null) return null;
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliException($"{option} {value}: expected a date as yyyy-mm-dd");
    }
}
