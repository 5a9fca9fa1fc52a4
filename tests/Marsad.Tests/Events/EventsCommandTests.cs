using System.Text;
using System.Text.Json.Nodes;
using Marsad.Search.Events;
using Marsad.Store;
using Marsad.Tests.Store;

namespace Marsad.Tests.Events;

/// <summary><c>marsad events</c> run in-process over a data folder holding articles with known events.</summary>
public sealed class EventsCommandTests : IDisposable
{
    /// <summary>Text that a spreadsheet would run as a formula, and CSV metacharacters, inside an event.</summary>
    private const string HostileBody = "قال شاهد: \"=HYPERLINK(1)\", ثم غادر،\nوأضاف آخر أن الاشتباك وقع قرب الجسر.";

    private readonly TempDirectory _data = new("marsad-events-cli");

    public EventsCommandTests()
    {
        using var store = new SqliteArticleStore(_data.Path);
        var hostile = TestEvents.Event("armed_clash", "190", "ASSAULT", "Battles", "Armed clash", "قصفت");
        hostile["actor"] = new JsonObject { ["text"] = "=cmd|' /C calc'!A0", ["start"] = 0, ["end"] = 3, ["name"] = "=cmd|' /C calc'!A0" };
        hostile["target"] = new JsonObject { ["text"] = "-1+1", ["start"] = 0, ["end"] = 3, ["name"] = "-1+1" };
        hostile["place"] = new JsonObject { ["text"] = "@SUM(1)", ["start"] = 0, ["end"] = 3, ["name"] = "@SUM(1)", ["country"] = "MA", ["lat"] = 33.5, ["lon"] = -7.6, ["geo_precision"] = 1 };
        hostile["sentence"] = new JsonObject { ["start"] = 0, ["end"] = HostileBody.Length };
        store.AddBatch(
        [
            TestEvents.Article("ev-a", new DateOnly(2024, 3, 5), TestEvents.Three()),
            TestArticles.Make("ev-h") with { Body = HostileBody, Title = "عنوان, مع \"فاصلة\"", Date = new DateOnly(2024, 4, 1), AnalysisJson = TestEvents.Analysis(hostile) },
        ]);
    }

    public void Dispose() => _data.Dispose();

    private string Run(params string[] arguments)
    {
        var output = Path.Combine(_data.Path, $"out-{Guid.NewGuid():N}");
        var code = Marsad.Cli.Program.Main([.. arguments, "--data", _data.Path, "--out", output]);
        Assert.Equal(0, code);
        return File.ReadAllText(output, Encoding.UTF8);
    }

    [Fact]
    public void Csv_has_ACLED_columns_RFC_4180_quoting_and_no_formulas()
    {
        var text = Run("events", "--format", "csv");
        var records = ParseCsv(text);
        Assert.Equal(EventExport.CsvColumns, records[0]);
        Assert.Equal(5, records.Count);
        Assert.All(records, r => Assert.Equal(EventExport.CsvColumns.Count, r.Count));
        var rows = records.Skip(1).Select(r => EventExport.CsvColumns.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();

        var shelling = rows[0];
        Assert.Equal("LBY-ev-a-0", shelling["event_id_cnty"]);
        Assert.Equal(("2024-03-04", "2024", "1"), (shelling["event_date"], shelling["year"], shelling["time_precision"]));
        Assert.Equal(("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"), (shelling["disorder_type"], shelling["event_type"], shelling["sub_event_type"]));
        Assert.Equal(("قوات خليفة حفتر", "أحياء", "ليبيا", "درنة"), (shelling["actor1"], shelling["actor2"], shelling["country"], shelling["location"]));
        Assert.Equal(("32.7648", "22.6392", "1", "30"), (shelling["latitude"], shelling["longitude"], shelling["geo_precision"], shelling["fatalities"]));
        Assert.Equal(("shelling", "194", "ASSAULT", "occurred", "0.88"), (shelling["type"], shelling["cameo"], shelling["plover"], shelling["modality"], shelling["confidence"]));
        Assert.Equal(("ev-a", "قصفت"), (shelling["article_id"], shelling["trigger"]));
        Assert.StartsWith("قصفت قوات خليفة حفتر", shelling["notes"], StringComparison.Ordinal);
        Assert.Equal("3", rows[1]["time_precision"]);
        Assert.Equal(("مصر", "", "0"), (rows[2]["assoc_actor_1"], rows[2]["event_type"], rows[2]["fatalities"]));

        var hostile = rows[3];
        Assert.Equal("'=cmd|' /C calc'!A0", hostile["actor1"]);
        Assert.Equal("'-1+1", hostile["actor2"]);
        Assert.Equal("'@SUM(1)", hostile["location"]);
        Assert.Equal("-7.6", hostile["longitude"]);
        Assert.Equal(HostileBody, hostile["notes"]);
        Assert.Equal("عنوان, مع \"فاصلة\"", hostile["article_title"]);
        Assert.Equal("MAR-ev-h-0", hostile["event_id_cnty"]);
    }

    [Fact]
    public void Json_lines_carry_the_article_and_the_sentence_text()
    {
        var lines = Run("events", "--format", "jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        var first = JsonNode.Parse(lines[0])!;
        Assert.Equal("ev-a-0", first["id"]!.GetValue<string>());
        Assert.Equal("ev-a", first["article"]!["id"]!.GetValue<string>());
        Assert.Equal("2024-03-05", first["article"]!["date"]!.GetValue<string>());
        Assert.StartsWith("أحداث في ليبيا", first["article"]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("shelling", first["type"]!.GetValue<string>());
        Assert.Equal("درنة", first["place"]!["name"]!.GetValue<string>());
        var sentence = first["sentence"]!;
        Assert.Equal(TestEvents.Body[sentence["start"]!.GetValue<int>()..sentence["end"]!.GetValue<int>()], sentence["text"]!.GetValue<string>());
        Assert.Contains("قوات خليفة حفتر", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void GeoJson_is_a_feature_collection_of_the_events_with_coordinates()
    {
        var collection = JsonNode.Parse(Run("events", "--format", "geojson"))!;
        Assert.Equal("FeatureCollection", collection["type"]!.GetValue<string>());
        var features = collection["features"]!.AsArray();
        Assert.Equal(["ev-a-0", "ev-a-1", "ev-h-0"], features.Select(f => f!["id"]!.GetValue<string>()));
        var derna = features[0]!;
        Assert.Equal("Point", derna["geometry"]!["type"]!.GetValue<string>());
        Assert.Equal([22.6392, 32.7648], derna["geometry"]!["coordinates"]!.AsArray().Select(c => c!.GetValue<double>()));
        Assert.Equal("shelling", derna["properties"]!["type"]!.GetValue<string>());
        Assert.Equal("قوات خليفة حفتر", derna["properties"]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public void Filters_select_events()
    {
        static string[] Ids(string jsonl) => [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["id"]!.GetValue<string>())];
        Assert.Equal(["ev-a-0"], Ids(Run("events", "--format", "jsonl", "--place", "ودرنة")));
        Assert.Equal(["ev-a-0", "ev-a-1", "ev-a-2"], Ids(Run("events", "--format", "jsonl", "--place", "ليبيا")));
        Assert.Equal(["ev-a-0"], Ids(Run("events", "--format", "jsonl", "--actor", "حفتر")));
        Assert.Equal(["ev-a-0", "ev-h-0"], Ids(Run("events", "--format", "jsonl", "--type", "ASSAULT")));
        Assert.Equal(["ev-a-1"], Ids(Run("events", "--format", "jsonl", "--type", "Protests")));
        Assert.Equal(["ev-a-2"], Ids(Run("events", "--format", "jsonl", "--modality", "planned")));
        Assert.Equal(["ev-a-1"], Ids(Run("events", "--format", "jsonl", "--from", "2024-02-10", "--to", "2024-02-20")));
        Assert.Equal(2, Marsad.Cli.Program.Main(["events", "--data", _data.Path, "--modality", "maybe"]));
        Assert.Equal(2, Marsad.Cli.Program.Main(["events", "--data", _data.Path, "--from", "2024-02-30"]));
    }

    [Fact]
    public void Import_dictionary_writes_the_data_folders_lexicon()
    {
        var verbs = Path.Combine(_data.Path, "verbs.txt");
        File.WriteAllLines(verbs, ["--- أغلق [191] ---", "أغلق", "- * معبر [191]"]);
        var actors = Path.Combine(_data.Path, "actors.txt");
        File.WriteAllLines(actors, ["مجلس_شورى_ثوار_بنغازي_  [LBYREB]"]);
        Assert.Equal(0, Marsad.Cli.Program.Main(["events", "import-dictionary", verbs, actors, "--data", _data.Path]));
        var written = File.ReadAllLines(Path.Combine(_data.Path, Marsad.Analysis.Events.EventLexicon.ImportedFileName));
        Assert.Contains("trigger\tcameo_191\t191\tother\ttarget\t-\t0.6\toccurred\t+أغلق|+أغلق معبر", written);
        Assert.Contains("group\tREB\tمجلس شورى ثوار بنغازي", written);
        Assert.Equal(2, Marsad.Cli.Program.Main(["events", "import-dictionary", Path.Combine(_data.Path, "missing.txt"), "--data", _data.Path]));
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks; records end in CRLF.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (text[i] == '"') { i++; break; }
                    else field.Append(text[i++]);
                }
                continue;
            }
            if (text[i] == ',') { record.Add(field.ToString()); field.Clear(); i++; continue; }
            if (text[i] == '\r' && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i += 2;
                continue;
            }
            Assert.NotEqual('"', text[i]);
            Assert.NotEqual('\n', text[i]);
            field.Append(text[i++]);
        }
        Assert.Empty(record);
        return records;
    }
}
