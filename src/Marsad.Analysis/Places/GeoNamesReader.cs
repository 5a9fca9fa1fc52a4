using System.Globalization;

namespace Marsad.Analysis.Places;

/// <summary>
/// Reads GeoNames dump files (<c>cities*.txt</c>, <c>allCountries.txt</c>, per-country files): 19 tab-separated
/// columns — id, name, ascii name, alternate names (comma-separated, all languages), latitude, longitude, feature
/// class, feature code, country code, …, population (column 15).
/// Only the Arabic-script alternate names are kept: Marsad reads Arabic text, and the Latin and other-script names
/// would make up most of the file while never matching. Rows without any Arabic name are skipped.
/// </summary>
public static class GeoNamesReader
{
    public static IEnumerable<Place> Read(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 15) throw new InvalidDataException($"Not a GeoNames dump line (expected 19 tab-separated columns): {Truncate(line)}");
            var names = f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(IsArabic).Distinct(StringComparer.Ordinal).ToArray();
            if (names.Length == 0) continue;
            var id = long.Parse(f[0], CultureInfo.InvariantCulture);
            var latitude = double.Parse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture);
            var longitude = double.Parse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture);
            _ = long.TryParse(f[14], NumberStyles.Integer, CultureInfo.InvariantCulture, out var population);
            yield return new Place(names[0], KindOf(f[6], f[7]), f[8], latitude, longitude, population, id, names);
        }
    }

    /// <summary>Feature class P = populated place (PPLC = capital), A with PCL* = country; other areas and regions are regions.</summary>
    private static PlaceKind KindOf(string featureClass, string featureCode) => featureClass switch
    {
        "P" => featureCode == "PPLC" ? PlaceKind.Capital : PlaceKind.City,
        "A" when featureCode.StartsWith("PCL", StringComparison.Ordinal) => PlaceKind.Country,
        _ => PlaceKind.Region,
    };

    private static bool IsArabic(string name)
    {
        foreach (var c in name)
            if (c is >= '\u0621' and <= '\u064A') return true;
        return false;
    }

    private static string Truncate(string line) => line.Length <= 80 ? line : line[..80] + "…";
}
