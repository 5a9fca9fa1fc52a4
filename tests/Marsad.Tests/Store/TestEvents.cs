using System.Text.Json.Nodes;
using Marsad.Store;

namespace Marsad.Tests.Store;

/// <summary>
/// Articles with an <c>events</c> array in their analysis JSON, in the shape <c>analyze</c> writes (docs/schema.md),
/// built over Arabic the tests wrote. Offsets are found in the body, so the JSON always points at real text.
/// </summary>
internal static class TestEvents
{
    public const string Body =
        "قصفت قوات خليفة حفتر أحياء في مدينة درنة أمس وأوقعت عشرات القتلى. " +
        "وتظاهر مئات الطلاب في طرابلس احتجاجا على انقطاع الكهرباء. " +
        "وزار وزير الخارجية المصري مدينة بنغازي بإشراف مصري لبحث الاتفاق.";

    public static JsonObject Participant(string text, string? name = null, string? country = null, string? agent = null, string? entityId = null)
    {
        var start = Body.IndexOf(text, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{text}' is not in the test body");
        return new JsonObject
        {
            ["text"] = text, ["start"] = start, ["end"] = start + text.Length, ["entityId"] = entityId, ["name"] = name ?? text,
            ["country"] = country, ["agent"] = agent, ["code"] = agent, ["inferred"] = false,
        };
    }

    public static JsonObject Place(string text, string name, string country, double? lat, double? lon, int precision = 1)
    {
        var start = Body.IndexOf(text, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{text}' is not in the test body");
        var place = new JsonObject { ["text"] = text, ["start"] = start, ["end"] = start + text.Length, ["entityId"] = "0123456789abcdef", ["name"] = name, ["country"] = country };
        if (lat is not null) place["lat"] = lat;
        if (lon is not null) place["lon"] = lon;
        place["geo_precision"] = precision;
        return place;
    }

    public static JsonObject Date(string? value, string? from, string? to, string basis = "text") =>
        new() { ["value"] = value, ["from"] = from, ["to"] = to, ["text"] = null, ["basis"] = basis };

    public static JsonObject Event(
        string type, string cameo, string? plover, string? acledType, string? acledSubType, string trigger, string modality = "occurred",
        JsonObject? actor = null, JsonObject? target = null, JsonObject? place = null, JsonObject? date = null, int? killed = null,
        double confidence = 0.9, params JsonObject[] associates)
    {
        var start = Body.IndexOf(trigger, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{trigger}' is not in the test body");
        var sentenceStart = Body.LastIndexOf(". ", start, StringComparison.Ordinal) is var dot and >= 0 ? dot + 2 : 0;
        var sentenceEnd = Body.IndexOf('.', start) + 1;
        return new JsonObject
        {
            ["type"] = type, ["cameo"] = cameo, ["plover"] = plover, ["acled_event_type"] = acledType, ["acled_sub_event_type"] = acledSubType,
            ["actor"] = actor, ["target"] = target, ["associates"] = new JsonArray([.. associates]), ["place"] = place, ["date"] = date,
            ["fatalities"] = killed is null ? null : new JsonObject { ["killed"] = killed, ["injured"] = null, ["approximate"] = true, ["text"] = "عشرات القتلى" },
            ["modality"] = modality,
            ["trigger"] = new JsonObject { ["text"] = trigger, ["start"] = start, ["end"] = start + trigger.Length },
            ["sentence"] = new JsonObject { ["start"] = sentenceStart, ["end"] = sentenceEnd },
            ["confidence"] = confidence,
        };
    }

    /// <summary>The three events of <see cref="Body"/>: shelling in Derna, a protest in Tripoli, a visit to Benghazi.</summary>
    public static JsonObject[] Three() =>
    [
        Event("shelling", "194", "ASSAULT", "Explosions/Remote violence", "Shelling/artillery/missile attack", "قصفت",
            actor: Participant("قوات خليفة حفتر", agent: "MIL", entityId: "096f5e3d0ee65925"),
            target: Participant("أحياء"),
            place: Place("مدينة درنة", "درنة", "LY", 32.7648, 22.6392),
            date: Date("2024-03-04", "2024-03-04", "2024-03-04"), killed: 30, confidence: 0.88),
        Event("demonstration", "141", "PROTEST", "Protests", "Peaceful protest", "وتظاهر",
            actor: Participant("الطلاب", agent: "CVL"),
            place: Place("طرابلس", "طرابلس", "LY", 32.8872, 13.1913),
            date: Date("2024-02", "2024-02-01", "2024-02-29"), confidence: 0.9),
        Event("visit", "042", "CONSULT", null, null, "وزار", modality: "planned",
            actor: Participant("وزير الخارجية المصري", country: "EG", agent: "GOV"),
            place: Place("مدينة بنغازي", "بنغازي", "LY", null, null, precision: 2),
            date: Date(null, null, "2024-03-04", "before"), confidence: 0.7,
            associates: Participant("مصري", name: "مصر", country: "EG")),
    ];

    public static string Analysis(params JsonObject[] events) =>
        new JsonObject { ["id"] = "x", ["title"] = "t", ["tokenCount"] = 3, ["events"] = new JsonArray([.. events]), ["keywords"] = new JsonArray() }
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static StoredArticle Article(string id, DateOnly? date, params JsonObject[] events) =>
        TestArticles.Make(id) with { Body = Body, Date = date, Title = "أحداث في ليبيا " + id, AnalysisJson = Analysis(events) };
}
