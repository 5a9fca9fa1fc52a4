using System.Text.Json;

namespace Marsad.Analysis.Places;

/// <summary>
/// Reads the countries list format (a JSON array of countries with <c>cca2</c>, <c>latlng</c>,
/// <c>translations.ara.common/official</c> and <c>name.native.ara</c>, as published by the mledoze/countries
/// project) into country entries.
/// </summary>
public static class CountryListReader
{
    public static IEnumerable<Place> Read(Stream stream)
    {
        using var json = JsonDocument.Parse(stream);
        if (json.RootElement.ValueKind != JsonValueKind.Array) throw new InvalidDataException("Countries list: expected a JSON array.");
        var places = new List<Place>();
        foreach (var country in json.RootElement.EnumerateArray())
        {
            if (!country.TryGetProperty("cca2", out var code) || !country.TryGetProperty("latlng", out var latlng) || latlng.GetArrayLength() < 2)
                continue;
            var names = new List<string>();
            if (country.TryGetProperty("translations", out var translations) && translations.TryGetProperty("ara", out var ara))
                AddNames(ara, names);
            if (country.TryGetProperty("name", out var name) && name.TryGetProperty("native", out var native) && native.TryGetProperty("ara", out var nativeAra))
                AddNames(nativeAra, names);
            if (names.Count == 0) continue;
            places.Add(new Place(names[0], PlaceKind.Country, code.GetString()!, latlng[0].GetDouble(), latlng[1].GetDouble(), 0, null, names.Distinct(StringComparer.Ordinal).ToArray()));
        }
        return places;
    }

    private static void AddNames(JsonElement element, List<string> names)
    {
        foreach (var property in new[] { "common", "official" })
            if (element.TryGetProperty(property, out var value) && value.GetString() is { Length: > 0 } text) names.Add(text);
    }
}
