using System.Globalization;
using System.Text.Json;

namespace Marsad.Analysis.Events;

/// <summary>
/// Writes events in the shape of <c>analyze</c>'s <c>events</c> array (docs/schema.md). The field names that come from
/// the coding schemes keep their own spelling (<c>acled_event_type</c>, ACLED's <c>geo_precision</c>).
/// </summary>
public static class EventJsonWriter
{
    public static void WriteArray(Utf8JsonWriter writer, Document document, bool compact)
    {
        writer.WriteStartArray("events");
        foreach (var mention in document.Events) Write(writer, mention, compact ? null : document.Body);
        writer.WriteEndArray();
    }

    /// <param name="body">The article body, to include the sentence text; null leaves it out (the store restores it from the body).</param>
    public static void Write(Utf8JsonWriter writer, EventMention mention, string? body)
    {
        writer.WriteStartObject();
        writer.WriteString("type", mention.Type);
        writer.WriteString("cameo", mention.Cameo);
        DocumentJsonWriter.WriteNullable(writer, "plover", mention.Plover);
        DocumentJsonWriter.WriteNullable(writer, "acled_event_type", mention.AcledEventType);
        DocumentJsonWriter.WriteNullable(writer, "acled_sub_event_type", mention.AcledSubEventType);
        WriteParticipant(writer, "actor", mention.Actor);
        WriteParticipant(writer, "target", mention.Target);
        writer.WriteStartArray("associates");
        foreach (var associate in mention.Associates) WriteParticipant(writer, null, associate);
        writer.WriteEndArray();
        WritePlace(writer, mention.Place);
        WriteDate(writer, mention.Date);
        WriteFatalities(writer, mention.Fatalities);
        writer.WriteString("modality", EventModalityNames.Name(mention.Modality));
        writer.WriteStartObject("trigger");
        writer.WriteString("text", mention.TriggerText);
        writer.WriteNumber("start", mention.TriggerStart);
        writer.WriteNumber("end", mention.TriggerEnd);
        writer.WriteEndObject();
        writer.WriteStartObject("sentence");
        writer.WriteNumber("start", mention.SentenceStart);
        writer.WriteNumber("end", mention.SentenceEnd);
        if (body is not null) writer.WriteString("text", body.AsSpan(mention.SentenceStart, mention.SentenceEnd - mention.SentenceStart));
        writer.WriteEndObject();
        writer.WriteNumber("confidence", mention.Confidence);
        writer.WriteEndObject();
    }

    private static void WriteParticipant(Utf8JsonWriter writer, string? name, EventParticipant? participant)
    {
        if (participant is null)
        {
            if (name is not null) writer.WriteNull(name);
            return;
        }
        if (name is null) writer.WriteStartObject();
        else writer.WriteStartObject(name);
        writer.WriteString("text", participant.Text);
        writer.WriteNumber("start", participant.Start);
        writer.WriteNumber("end", participant.End);
        DocumentJsonWriter.WriteNullable(writer, "entityId", participant.EntityId);
        writer.WriteString("name", participant.Name);
        DocumentJsonWriter.WriteNullable(writer, "country", participant.Country);
        DocumentJsonWriter.WriteNullable(writer, "agent", participant.Agent);
        DocumentJsonWriter.WriteNullable(writer, "code", participant.Code);
        writer.WriteBoolean("inferred", participant.Inferred);
        writer.WriteEndObject();
    }

    private static void WritePlace(Utf8JsonWriter writer, EventPlace? place)
    {
        if (place is null)
        {
            writer.WriteNull("place");
            return;
        }
        writer.WriteStartObject("place");
        writer.WriteString("text", place.Text);
        writer.WriteNumber("start", place.Start);
        writer.WriteNumber("end", place.End);
        DocumentJsonWriter.WriteNullable(writer, "entityId", place.EntityId);
        writer.WriteString("name", place.Name);
        DocumentJsonWriter.WriteNullable(writer, "country", place.Country);
        if (place.Latitude is { } lat) writer.WriteNumber("lat", Math.Round(lat, 5));
        if (place.Longitude is { } lon) writer.WriteNumber("lon", Math.Round(lon, 5));
        writer.WriteNumber("geo_precision", place.Precision);
        writer.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter writer, EventDate? date)
    {
        if (date is null)
        {
            writer.WriteNull("date");
            return;
        }
        writer.WriteStartObject("date");
        DocumentJsonWriter.WriteNullable(writer, "value", date.Value);
        DocumentJsonWriter.WriteNullable(writer, "from", date.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        DocumentJsonWriter.WriteNullable(writer, "to", date.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        DocumentJsonWriter.WriteNullable(writer, "text", date.Text);
        writer.WriteString("basis", date.Basis);
        writer.WriteEndObject();
    }

    private static void WriteFatalities(Utf8JsonWriter writer, EventFatalities? fatalities)
    {
        if (fatalities is null)
        {
            writer.WriteNull("fatalities");
            return;
        }
        writer.WriteStartObject("fatalities");
        if (fatalities.Killed is { } killed) writer.WriteNumber("killed", killed);
        else writer.WriteNull("killed");
        if (fatalities.Injured is { } injured) writer.WriteNumber("injured", injured);
        else writer.WriteNull("injured");
        writer.WriteBoolean("approximate", fatalities.Approximate);
        writer.WriteString("text", fatalities.Text);
        writer.WriteEndObject();
    }
}
