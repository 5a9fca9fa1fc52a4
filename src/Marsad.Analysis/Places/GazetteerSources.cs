namespace Marsad.Analysis.Places;

/// <summary>Reads any supported gazetteer source file, choosing the format by content: a JSON array is a countries list, anything else a GeoNames dump.</summary>
public static class GazetteerSources
{
    public static List<Place> Read(string path)
    {
        using var stream = File.OpenRead(path);
        var first = -1;
        while ((first = stream.ReadByte()) is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF) { }
        stream.Position = 0;
        if (first == '[') return CountryListReader.Read(stream).ToList();
        using var reader = new StreamReader(stream);
        return GeoNamesReader.Read(reader).ToList();
    }
}
