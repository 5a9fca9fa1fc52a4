using System.Text;
using System.Text.Json;

namespace Marsad.Analysis.Reading;

/// <summary>Turns one JSON object (already cut out of its stream) into an article.</summary>
internal static class JsonRecordParser
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ReadResult Parse(ReadOnlySpan<byte> json, string origin, RecordFields fields)
    {
        fields.Clear();
        try
        {
            var reader = new Utf8JsonReader(json, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return ReadResult.Fail(origin, $"record is not a JSON object (found {Describe(reader.TokenType)})");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Classify(ref reader);
                reader.Read();
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        fields.Set(field, reader.GetString());
                        break;
                    case JsonTokenType.Number:
                        fields.Set(field, Encoding.UTF8.GetString(reader.ValueSpan));
                        break;
                    case JsonTokenType.StartArray:
                        fields.Set(field, JoinStrings(ref reader));
                        break;
                    case JsonTokenType.StartObject:
                        reader.Skip();
                        break;
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                return ReadResult.Fail(origin, "invalid JSON: unexpected content after the record");
            return fields.ToResult(origin);
        }
        catch (JsonException e)
        {
            return ReadResult.Fail(origin, $"invalid JSON: {FirstSentence(e.Message)}");
        }
        catch (InvalidOperationException e)
        {
            return ReadResult.Fail(origin, $"invalid JSON string: {FirstSentence(e.Message)}");
        }
    }

    private static RecordField Classify(ref Utf8JsonReader reader)
    {
        // Field names are short; a long property name cannot be one of ours. UTF-8 never has fewer bytes than
        // UTF-16 code units, so a name within the byte limit always fits the char buffer.
        const int MaxNameBytes = 128;
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxNameBytes) return RecordField.None;
        Span<char> name = stackalloc char[MaxNameBytes];
        var written = reader.CopyString(name);
        return RecordFields.Classify(name[..written]);
    }

    // Some feeds store the body as an array of paragraphs.
    private static string? JoinStrings(ref Utf8JsonReader reader)
    {
        StringBuilder? sb = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                sb ??= new StringBuilder();
                if (sb.Length > 0) sb.Append('\n');
                sb.Append(reader.GetString());
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }
        return sb?.ToString();
    }

    private static string Describe(JsonTokenType t) => t switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
