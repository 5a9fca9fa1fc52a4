using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Marsad.Analysis;

/// <summary>
/// Writes a <see cref="Document"/> as the analysis JSON object documented in docs/schema.md.
/// Later components add their fields here, so the CLI, the store and the HTTP API share one shape.
/// </summary>
public static class DocumentJsonWriter
{
    /// <summary>
    /// Arabic stays readable (not \u-escaped) while HTML-significant characters are still escaped,
    /// so the same JSON is safe to embed in a page.
    /// </summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static JsonWriterOptions WriterOptions(bool indented) => new() { Encoder = Encoder, Indented = indented };

    /// <param name="compact">
    /// Leaves out the body and the sentences' text, which offsets into the body reproduce: the store keeps the body
    /// in its own column, and this halves what it writes.
    /// </param>
    public static void Write(Utf8JsonWriter writer, Document document, bool compact = false)
    {
        var article = document.Article;
        writer.WriteStartObject();
        writer.WriteString("id", article.Id);
        writer.WriteString("title", article.Title);
        if (article.Date is { } date) writer.WriteString("date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        else writer.WriteNull("date");
        WriteNullable(writer, "source", article.Source);
        WriteNullable(writer, "url", article.Url);
        WriteNullable(writer, "category", article.Category);
        writer.WriteString("origin", article.Origin);
        writer.WriteNumber("tokenCount", document.TokenCount);
        writer.WriteNumber("sentenceCount", document.Sentences.Count);

        writer.WriteStartArray("sentences");
        var body = document.Body;
        foreach (var sentence in document.Sentences)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", sentence.Start);
            writer.WriteNumber("end", sentence.End);
            if (!compact) writer.WriteString("text", body.AsSpan(sentence.Start, sentence.End - sentence.Start));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        if (document.Topic is { } topic)
        {
            writer.WriteStartObject("topic");
            writer.WriteString("label", topic.Label);
            writer.WriteNumber("confidence", Math.Round(topic.Confidence, 4));
            writer.WriteEndObject();
        }

        writer.WriteStartArray("keywords");
        foreach (var keyword in document.Keywords)
        {
            writer.WriteStartObject();
            writer.WriteString("text", keyword.Text);
            writer.WriteNumber("score", keyword.Score);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        if (document.Summary is { } summary)
        {
            writer.WriteStartObject("summary");
            writer.WriteStartArray("sentences");
            foreach (var index in summary.Sentences) writer.WriteNumberValue(index);
            writer.WriteEndArray();
            if (!compact) writer.WriteString("text", summary.Text);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("entities");
        foreach (var entity in document.Entities)
        {
            writer.WriteStartObject();
            writer.WriteString("text", entity.Text);
            writer.WriteString("type", entity.Type);
            writer.WriteNumber("start", entity.Start);
            writer.WriteNumber("end", entity.End);
            if (entity.EntityId is { } entityId) writer.WriteString("entityId", entityId);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        WriteLinkedEntities(writer, document);

        WriteDates(writer, document);
        Events.EventJsonWriter.WriteArray(writer, document, compact);

        if (!compact) writer.WriteString("body", body);

        if (document.KeepTokens)
        {
            writer.WriteStartArray("tokens");
            foreach (var token in document.Tokens) WriteToken(writer, token);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    public static string ToJson(Document document, bool indented = false, bool compact = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions(indented))) Write(writer, document, compact);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteDates(Utf8JsonWriter writer, Document document)
    {
        writer.WriteStartArray("dates");
        foreach (var date in document.Dates)
        {
            writer.WriteStartObject();
            writer.WriteString("text", date.Text);
            writer.WriteNumber("start", date.Start);
            writer.WriteNumber("end", date.End);
            WriteNullable(writer, "value", date.Value);
            writer.WriteString("precision", date.Precision.ToString().ToLowerInvariant());
            WriteNullable(writer, "from", date.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            WriteNullable(writer, "to", date.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("calendar", date.Calendar);
            writer.WriteBoolean("relative", date.Relative);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteLinkedEntities(Utf8JsonWriter writer, Document document)
    {
        writer.WriteStartArray("linkedEntities");
        foreach (var entity in document.LinkedEntities)
        {
            writer.WriteStartObject();
            writer.WriteString("id", entity.Id);
            writer.WriteString("type", entity.Type);
            writer.WriteString("name", entity.Name);
            writer.WriteStartArray("aliases");
            foreach (var alias in entity.Aliases) writer.WriteStringValue(alias);
            writer.WriteEndArray();
            writer.WriteNumber("mentions", entity.Mentions);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("places");
        foreach (var entity in document.LinkedEntities)
        {
            if (entity.Place is not { } place) continue;
            writer.WriteStartObject();
            writer.WriteString("entityId", entity.Id);
            writer.WriteString("name", place.Name);
            writer.WriteString("country", place.Country);
            writer.WriteNumber("lat", Math.Round(place.Latitude, 5));
            writer.WriteNumber("lon", Math.Round(place.Longitude, 5));
            if (place.GeoNamesId is { } geonamesId) writer.WriteNumber("geonamesId", geonamesId);
            writer.WriteNumber("mentions", entity.Mentions);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteToken(Utf8JsonWriter writer, TokenDetail token)
    {
        writer.WriteStartObject();
        writer.WriteString("text", token.Text);
        writer.WriteNumber("start", token.Start);
        writer.WriteNumber("end", token.End);
        writer.WriteString("kind", token.Kind);
        writer.WriteString("norm", token.Norm);
        writer.WriteString("stem", token.Stem);
        writer.WriteStartArray("clitics");
        foreach (var clitic in token.Clitics) writer.WriteStringValue(clitic);
        writer.WriteEndArray();
        writer.WriteBoolean("stopWord", token.StopWord);
        writer.WriteEndObject();
    }

    internal static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
