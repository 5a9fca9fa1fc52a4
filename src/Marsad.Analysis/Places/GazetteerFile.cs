using System.IO.Compression;
using System.Text;

namespace Marsad.Analysis.Places;

/// <summary>
/// The compact gazetteer file (<c>gazetteer.bin</c>): a Brotli stream of a magic string, a count and the entries
/// (names, kind, country, coordinates, population, GeoNames id). A cities15000 dump's Arabic-named rows shrink from
/// tens of MB of text to well under a MB, and loading needs no parsing of the dump's other columns.
/// </summary>
public static class GazetteerFile
{
    private const string Magic = "MARSAD-GAZETTEER-1";

    public static void Write(Stream output, IReadOnlyCollection<Place> places)
    {
        using var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(places.Count);
        foreach (var place in places)
        {
            writer.Write((byte)place.Kind);
            writer.Write(place.Country);
            writer.Write(place.Latitude);
            writer.Write(place.Longitude);
            writer.Write(place.Population);
            writer.Write(place.GeoNamesId ?? 0L);
            writer.Write(place.Names.Count);
            foreach (var name in place.Names) writer.Write(name);
        }
    }

    public static List<Place> Read(Stream input)
    {
        using var brotli = new BrotliStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(brotli, Encoding.UTF8, leaveOpen: true);
        string magic;
        try
        {
            magic = reader.ReadString();
        }
        // Brotli reports corrupt input as InvalidOperationException; callers only need to know the file is not ours.
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or EndOfStreamException or IOException)
        {
            throw new InvalidDataException("Not a Marsad gazetteer file (run 'marsad gazetteer import' to write one).", e);
        }
        if (magic != Magic) throw new InvalidDataException("Not a Marsad gazetteer file (run 'marsad gazetteer import' to write one).");
        var count = reader.ReadInt32();
        var places = new List<Place>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = (PlaceKind)reader.ReadByte();
            var country = reader.ReadString();
            var latitude = reader.ReadDouble();
            var longitude = reader.ReadDouble();
            var population = reader.ReadInt64();
            var id = reader.ReadInt64();
            var names = new string[reader.ReadInt32()];
            for (var n = 0; n < names.Length; n++) names[n] = reader.ReadString();
            places.Add(new Place(names[0], kind, country, latitude, longitude, population, id == 0 ? null : id, names));
        }
        return places;
    }
}
