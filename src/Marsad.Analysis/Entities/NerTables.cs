namespace Marsad.Analysis.Entities;

/// <summary>
/// The lookup tables the features need besides the weights, all keyed by feature hashes: gazetteer phrases,
/// word clusters and the news type profiles. Built at training time and stored in the model file, so tagging
/// never needs the shared data. Immutable once built.
/// </summary>
internal sealed class NerTables(HashIndex gazetteer, HashIndex clusters, HashIndex profiles, HashIndex clusters2, NerModelFlags features = NerModelFlags.None)
{
    /// <summary>Optional feature groups and tagging steps the model was trained with.</summary>
    public NerModelFlags Flags { get; } = features;

    public HashIndex Gazetteer { get; } = gazetteer;

    /// <summary>Normalised word to its cluster leaf (see <see cref="WordClusterBuilder"/>).</summary>
    public HashIndex Clusters { get; } = clusters;

    /// <summary>Article-less word to its packed news type profile (see <see cref="NewsProfiles"/>).</summary>
    public HashIndex Profiles { get; } = profiles;

    /// <summary>A second clustering of the words (skip-gram vectors), or empty.</summary>
    public HashIndex Clusters2 { get; } = clusters2;

    public static NerTables Empty => new(new HashIndex(0), new HashIndex(0), new HashIndex(0), new HashIndex(0));

    public void Write(BinaryWriter w)
    {
        w.Write((int)Flags);
        WriteTable(w, Gazetteer);
        WriteTable(w, Clusters);
        WriteTable(w, Profiles);
        WriteTable(w, Clusters2);
    }

    public static NerTables Read(BinaryReader r)
    {
        var features = (NerModelFlags)r.ReadInt32();
        var tables = new NerTables(ReadTable(r), ReadTable(r), ReadTable(r), ReadTable(r), features);
        // Nearly all phrase lookups while tagging miss (as do rare words' lookups); the filters answer those from cache.
        tables.Gazetteer.BuildFilter();
        tables.Clusters.BuildFilter();
        tables.Profiles.BuildFilter();
        tables.Clusters2.BuildFilter();
        return tables;
    }

    public static HashIndex ToIndex(IEnumerable<(uint Key, int Value)> entries)
    {
        var list = entries.ToList();
        var index = new HashIndex(list.Count);
        foreach (var (k, v) in list) index.Set(k, v);
        return index;
    }

    private static void WriteTable(BinaryWriter w, HashIndex table)
    {
        var entries = table.Entries().OrderBy(e => e.Key).ToArray();
        w.Write(entries.Length);
        foreach (var (key, value) in entries)
        {
            w.Write(key);
            w.Write(value);
        }
    }

    private static HashIndex ReadTable(BinaryReader r)
    {
        var count = r.ReadInt32();
        var table = new HashIndex(count);
        for (var i = 0; i < count; i++)
        {
            var key = r.ReadUInt32();
            table.Set(key, r.ReadInt32());
        }
        return table;
    }
}

/// <summary>Optional feature groups and tagging steps, recorded in the model file.</summary>
[Flags]
public enum NerModelFlags
{
    None = 0,

    /// <summary>After tagging a document, fill gaps by <see cref="LabelPropagation"/>.</summary>
    LabelPropagation = 1,
}
