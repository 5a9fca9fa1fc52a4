using System.IO.Compression;

namespace Marsad.Analysis.Entities;

/// <summary>
/// A trained BIO tagger: hashed feature weights for the nine labels, label transitions, and the gazetteer and
/// cluster tables its features need. Immutable once built, so one instance can serve many taggers.
/// </summary>
public sealed class NerModel
{
    private const int L = NerLabels.Count;
    private const uint Magic = 0x52454E4D; // "MNER"
    private const int Version = 1;
    private const string ResourceName = "Marsad.Analysis.ner.model";
    private static readonly Lazy<NerModel> Default = new(LoadEmbedded);

    internal NerModel(HashIndex features, float[] weights, float[] transitions, float[] start, HashIndex gazetteer, HashIndex clusters, string description)
    {
        Features = features;
        Weights = weights;
        Transitions = transitions;
        Start = start;
        Gazetteer = gazetteer;
        Clusters = clusters;
        Description = description;
    }

    internal HashIndex Features { get; }

    /// <summary>Row-major: feature row × label.</summary>
    internal float[] Weights { get; }

    internal float[] Transitions { get; }
    internal float[] Start { get; }
    internal HashIndex Gazetteer { get; }
    internal HashIndex Clusters { get; }

    /// <summary>Free text recorded at training time (options, data sizes).</summary>
    public string Description { get; }

    public int FeatureCount => Features.Count;

    public static IReadOnlyList<string> Labels => NerLabels.Names;

    /// <summary>The model shipped inside the assembly; loaded once per process.</summary>
    public static NerModel LoadDefault() => Default.Value;

    public static NerModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>
    /// Writes a Brotli-compressed binary: weights are quantised to 16 bits with one global scale and stored
    /// sparsely per feature (a label mask then the non-zero values), which keeps the file a few megabytes.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(brotli);
        w.Write(Magic);
        w.Write(Version);
        w.Write(Description);
        foreach (var v in Transitions) w.Write(v);
        foreach (var v in Start) w.Write(v);

        var rows = Features.Entries().OrderBy(e => e.Key).ToArray();
        var max = 0f;
        foreach (var v in Weights) max = Math.Max(max, Math.Abs(v));
        var scale = max > 0 ? max / short.MaxValue : 1f;
        w.Write(scale);
        w.Write(rows.Length);
        foreach (var (key, _) in rows) w.Write(key);
        Span<short> q = stackalloc short[L];
        foreach (var (_, row) in rows)
        {
            var mask = 0;
            for (var y = 0; y < L; y++)
            {
                q[y] = (short)Math.Round(Weights[row * L + y] / scale);
                if (q[y] != 0) mask |= 1 << y;
            }
            w.Write((ushort)mask);
            for (var y = 0; y < L; y++)
                if (q[y] != 0) w.Write(q[y]);
        }

        WriteTable(w, Gazetteer);
        WriteTable(w, Clusters);
    }

    public static NerModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(brotli);
        if (r.ReadUInt32() != Magic) throw new InvalidDataException("Not a Marsad NER model.");
        var version = r.ReadInt32();
        if (version != Version) throw new InvalidDataException($"Unsupported NER model version {version}.");
        var description = r.ReadString();
        var transitions = new float[L * L];
        for (var i = 0; i < transitions.Length; i++) transitions[i] = r.ReadSingle();
        var start = new float[L];
        for (var i = 0; i < start.Length; i++) start[i] = r.ReadSingle();
        var scale = r.ReadSingle();
        var count = r.ReadInt32();
        var keys = new uint[count];
        for (var i = 0; i < count; i++) keys[i] = r.ReadUInt32();
        var features = new HashIndex(count);
        var weights = new float[count * L];
        for (var i = 0; i < count; i++)
        {
            features.Set(keys[i], i);
            var mask = r.ReadUInt16();
            for (var y = 0; y < L; y++)
                if ((mask & (1 << y)) != 0) weights[i * L + y] = r.ReadInt16() * scale;
        }
        var gazetteer = ReadTable(r);
        var clusters = ReadTable(r);
        return new NerModel(features, weights, transitions, start, gazetteer, clusters, description);
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

    private static NerModel LoadEmbedded()
    {
        using var stream = typeof(NerModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing; train the model and rebuild.");
        return Load(stream);
    }
}
