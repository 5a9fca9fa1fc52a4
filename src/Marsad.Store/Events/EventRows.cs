using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Analysis.Places;
using Marsad.Text;

namespace Marsad.Store.Events;

/// <summary>
/// Reads the rows of the <c>events</c> table out of an article's stored analysis JSON (its <c>events</c> array,
/// docs/schema.md). Both stores write these rows in the transaction that adds the article, and the migration that
/// created the table filled it the same way from the articles already stored. An analysis without events, or one
/// that is not JSON at all, has no rows: the store never refuses an article over its analysis.
/// </summary>
internal static class EventRows
{
    /// <summary>The rows of every article of a batch (in parallel for large batches: ingest hands over 512 at a time).</summary>
    public static void FromBatch(IReadOnlyList<StoredArticle> articles, List<EventRow>[] rows)
    {
        if (articles.Count < 64)
        {
            for (var i = 0; i < articles.Count; i++) rows[i] = From(articles[i]);
            return;
        }
        Parallel.For(0, articles.Count, i => rows[i] = From(articles[i]));
    }

    public static List<EventRow> From(StoredArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var json = article.AnalysisJson;
        if (string.IsNullOrEmpty(json) || !json.Contains("\"events\"", StringComparison.Ordinal)) return [];
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return [];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isEvents = reader.ValueTextEquals("events"u8);
                if (!reader.Read()) return [];
                if (isEvents)
                {
                    if (reader.TokenType != JsonTokenType.StartArray) return [];
                    using var events = JsonDocument.ParseValue(ref reader);
                    return Rows(article, events.RootElement);
                }
                reader.Skip();
            }
            return [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static List<EventRow> Rows(StoredArticle article, JsonElement events)
    {
        var rows = new List<EventRow>(events.GetArrayLength());
        var ordinal = 0;
        foreach (var item in events.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && Row(article, ordinal, item) is { } row) rows.Add(row);
            ordinal++;
        }
        return rows;
    }

    private static EventRow? Row(StoredArticle article, int ordinal, JsonElement e)
    {
        var type = Text(e, "type");
        if (type is null) return null;
        var actor = Object(e, "actor");
        var target = Object(e, "target");
        var place = Object(e, "place");
        var date = Object(e, "date");
        var fatalities = Object(e, "fatalities");
        var sentence = Object(e, "sentence");
        var dateFrom = Day(date, "from");
        var dateTo = Day(date, "to");
        var body = article.Body;
        var sentenceText = "";
        if (sentence is { } s && Integer(s, "start") is { } start && Integer(s, "end") is { } end && start >= 0 && end >= start && end <= body.Length)
            sentenceText = body[start..end];
        var country = place is { } p ? Text(p, "country") : null;

        var stored = new StoredEvent(
            ArticleId: article.Id,
            ArticleSequence: article.Sequence,
            Ordinal: ordinal,
            ArticleTitle: article.Title,
            ArticleDate: article.Date,
            ArticleSource: article.Source,
            ArticleUrl: article.Url,
            Type: type,
            Cameo: Text(e, "cameo") ?? "",
            Plover: Text(e, "plover"),
            AcledEventType: Text(e, "acled_event_type"),
            AcledSubEventType: Text(e, "acled_sub_event_type"),
            ActorName: actor is { } a ? Text(a, "name") ?? Text(a, "text") : null,
            ActorEntityId: actor is { } a2 ? Text(a2, "entityId") : null,
            TargetName: target is { } t ? Text(t, "name") ?? Text(t, "text") : null,
            TargetEntityId: target is { } t2 ? Text(t2, "entityId") : null,
            PlaceName: place is { } p1 ? Text(p1, "name") ?? Text(p1, "text") : null,
            PlaceCountry: country,
            Latitude: place is { } p2 ? Number(p2, "lat") : null,
            Longitude: place is { } p3 ? Number(p3, "lon") : null,
            GeoPrecision: place is { } p4 ? Integer(p4, "geo_precision") : null,
            DateValue: date is { } d ? Text(d, "value") : null,
            DateFrom: dateFrom,
            DateTo: dateTo,
            EventDate: dateFrom ?? dateTo ?? article.Date,
            Modality: Text(e, "modality") ?? "occurred",
            Fatalities: fatalities is { } f ? Integer(f, "killed") : null,
            Confidence: Number(e, "confidence") ?? 0,
            Sentence: sentenceText,
            Json: e.GetRawText());

        var actorNames = new List<string?>();
        AddNames(actorNames, actor);
        if (e.TryGetProperty("associates", out var associates) && associates.ValueKind == JsonValueKind.Array)
        {
            foreach (var associate in associates.EnumerateArray())
                if (associate.ValueKind == JsonValueKind.Object) AddNames(actorNames, associate);
        }
        var targetNames = new List<string?>();
        AddNames(targetNames, target);
        var placeNames = new List<string?>();
        AddNames(placeNames, place);
        if (country is not null) placeNames.Add(Gazetteer.BuiltIn.Country(country)?.Name);
        return new EventRow(stored, Keys(actorNames), Keys(targetNames), Keys(placeNames));
    }

    /// <summary><c>| key | key |</c> for the distinct non-empty names (docs/schema.md, events).</summary>
    public static string Keys(IEnumerable<string?> names)
    {
        var keys = new List<string>();
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name)) continue;
            var key = FilterKey(name);
            if (key.Length > 0 && !keys.Contains(key, StringComparer.Ordinal)) keys.Add(key);
        }
        return keys.Count == 0 ? "|" : "| " + string.Join(" | ", keys) + " |";
    }

    /// <summary>A name or a user's filter value as the words it is matched by; '|' is the keys separator, so it never appears in one.</summary>
    public static string FilterKey(string name) => NameKey.Words(name.Replace('|', ' '));

    private static void AddNames(List<string?> names, JsonElement? participant)
    {
        if (participant is not { } p) return;
        names.Add(Text(p, "name"));
        names.Add(Text(p, "text"));
    }

    private static JsonElement? Object(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : null;

    private static int? Integer(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static DateOnly? Day(JsonElement? e, string name) =>
        e is { } o && Text(o, name) is { } text &&
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
}
