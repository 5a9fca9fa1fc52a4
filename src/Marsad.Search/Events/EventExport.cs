using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Analysis;
using Marsad.Analysis.Events;
using Marsad.Analysis.Places;
using Marsad.Store.Events;

namespace Marsad.Search.Events;

/// <summary>
/// Stored events in the formats people take them away in: ACLED-style CSV (ACLED's column names where they apply,
/// then Marsad's own), JSON (one object per event with its article), and GeoJSON points. Shared by
/// <c>marsad events</c> and <c>GET /api/events</c>.
/// </summary>
public static class EventExport
{
    /// <summary>The CSV header: ACLED's columns first, then Marsad's (docs/schema.md, events export).</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "actor2", "country", "location", "latitude", "longitude", "geo_precision", "source",
        "notes", "fatalities",
        "type", "cameo", "plover", "modality", "confidence", "country_code", "article_id", "article_title", "trigger",
    ];

    /// <summary>An ACLED-like event id: the ISO 3166 alpha-3 code of the event's country (XXX when unknown), the article id and the event's position.</summary>
    public static string EventIdCountry(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (EventLexicon.BuiltIn.Iso3(e.PlaceCountry) ?? "XXX") + "-" + e.Id;
    }

    /// <summary>ACLED's time precision: 1 the day is known, 2 the week, 3 a longer or open span.</summary>
    public static int TimePrecision(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.DateFrom is { } from && e.DateTo is { } to)
        {
            var days = to.DayNumber - from.DayNumber;
            return days <= 0 ? 1 : days < 7 ? 2 : 3;
        }
        return e.DateFrom is null && e.DateTo is null && e.EventDate is not null ? 1 : 3;
    }

    /// <summary>ACLED's disorder type for its event type.</summary>
    public static string? DisorderType(string? acledEventType) => acledEventType switch
    {
        "Battles" or "Explosions/Remote violence" or "Violence against civilians" => "Political violence",
        "Protests" or "Riots" => "Demonstrations",
        "Strategic developments" => "Strategic developments",
        _ => null,
    };

    /// <summary>The Arabic name of a country code (the built-in gazetteer's), or the code.</summary>
    public static string? CountryName(string? code) => code is null ? null : Gazetteer.BuiltIn.Country(code)?.Name ?? code;

    public static void WriteCsvHeader(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', CsvColumns));
        writer.Write("\r\n");
    }

    /// <summary>One CSV record (RFC 4180: CRLF, fields with a comma, quote or line break quoted, quotes doubled; text never starts a formula).</summary>
    public static void WriteCsvRow(TextWriter writer, StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(e);
        var json = Parse(e);
        var associates = new List<string>();
        if (json["associates"] is JsonArray array)
        {
            foreach (var associate in array.OfType<JsonObject>())
                if ((Text(associate, "name") ?? Text(associate, "text")) is { } name) associates.Add(name);
        }
        var trigger = json["trigger"] is JsonObject t ? Text(t, "text") : null;
        var fields = new[]
        {
            Cell(EventIdCountry(e)),
            Cell(Day(e.EventDate)),
            Number(e.EventDate?.Year),
            Number(TimePrecision(e)),
            Cell(DisorderType(e.AcledEventType)),
            Cell(e.AcledEventType),
            Cell(e.AcledSubEventType),
            Cell(e.ActorName),
            Cell(string.Join("; ", associates)),
            Cell(e.TargetName),
            Cell(CountryName(e.PlaceCountry)),
            Cell(e.PlaceName),
            Number(e.Latitude),
            Number(e.Longitude),
            Number(e.GeoPrecision),
            Cell(e.ArticleSource),
            Cell(e.Sentence),
            Number(e.Fatalities ?? 0),
            Cell(e.Type),
            Cell(e.Cameo),
            Cell(e.Plover),
            Cell(e.Modality),
            Number(e.Confidence),
            Cell(e.PlaceCountry),
            Cell(e.ArticleId),
            Cell(e.ArticleTitle),
            Cell(trigger),
        };
        writer.Write(string.Join(',', fields));
        writer.Write("\r\n");
    }

    /// <summary>
    /// A text cell: a leading = + - @ (or tab, carriage return) gets a ' first, so a spreadsheet shows the text instead
    /// of running it as a formula; then RFC 4180 quoting.
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// The event as one JSON object: <c>id</c>, <c>article</c> {id, title, date, source, url}, then the event's own fields
    /// as <c>analyze</c> writes them, the sentence text restored.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter writer, StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(e);
        writer.WriteStartObject();
        writer.WriteString("id", e.Id);
        writer.WriteStartObject("article");
        writer.WriteString("id", e.ArticleId);
        writer.WriteString("title", e.ArticleTitle);
        WriteNullable(writer, "date", Day(e.ArticleDate));
        WriteNullable(writer, "source", e.ArticleSource);
        WriteNullable(writer, "url", e.ArticleUrl);
        writer.WriteEndObject();
        WriteNullable(writer, "event_date", Day(e.EventDate));
        var json = Parse(e);
        if (json["sentence"] is JsonObject sentence) sentence["text"] = e.Sentence;
        foreach (var (name, value) in json)
        {
            if (name is "id" or "article" or "event_date") continue;
            writer.WritePropertyName(name);
            if (value is null) writer.WriteNullValue();
            else value.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    public static void WriteGeoJsonStart(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
    }

    public static void WriteGeoJsonEnd(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A GeoJSON point feature with flat properties; false (nothing written) when the event has no coordinates.</summary>
    public static bool WriteFeature(Utf8JsonWriter writer, StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(e);
        if (e.Latitude is not { } lat || e.Longitude is not { } lon) return false;
        var json = Parse(e);
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteString("id", e.Id);
        writer.WriteStartObject("geometry");
        writer.WriteString("type", "Point");
        writer.WriteStartArray("coordinates");
        writer.WriteNumberValue(Math.Round(lon, 5));
        writer.WriteNumberValue(Math.Round(lat, 5));
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteString("id", e.Id);
        writer.WriteString("type", e.Type);
        writer.WriteString("cameo", e.Cameo);
        WriteNullable(writer, "plover", e.Plover);
        WriteNullable(writer, "acled_event_type", e.AcledEventType);
        WriteNullable(writer, "acled_sub_event_type", e.AcledSubEventType);
        WriteNullable(writer, "actor", e.ActorName);
        WriteNullable(writer, "target", e.TargetName);
        WriteNullable(writer, "place", e.PlaceName);
        WriteNullable(writer, "country", e.PlaceCountry);
        if (e.GeoPrecision is { } precision) writer.WriteNumber("geo_precision", precision);
        else writer.WriteNull("geo_precision");
        WriteNullable(writer, "event_date", Day(e.EventDate));
        WriteNullable(writer, "date", e.DateValue);
        writer.WriteString("modality", e.Modality);
        if (e.Fatalities is { } killed) writer.WriteNumber("fatalities", killed);
        else writer.WriteNull("fatalities");
        writer.WriteNumber("confidence", e.Confidence);
        WriteNullable(writer, "trigger", json["trigger"] is JsonObject t ? Text(t, "text") : null);
        writer.WriteString("article_id", e.ArticleId);
        writer.WriteString("article_title", e.ArticleTitle);
        WriteNullable(writer, "article_date", Day(e.ArticleDate));
        writer.WriteEndObject();
        writer.WriteEndObject();
        return true;
    }

    /// <summary>Writer options for event JSON: Arabic as it is, not \u-escaped.</summary>
    public static JsonWriterOptions WriterOptions(bool indented = false) => DocumentJsonWriter.WriterOptions(indented);

    private static JsonObject Parse(StoredEvent e)
    {
        try
        {
            return JsonNode.Parse(e.Json) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Number(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
