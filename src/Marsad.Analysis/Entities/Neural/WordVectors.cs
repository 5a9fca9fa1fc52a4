using System.Runtime.InteropServices;

namespace Marsad.Analysis.Entities.Neural;

/// <summary>
/// Skip-gram vectors of the most frequent normalised news words (<see cref="SkipGram"/>), the fixed word
/// representation the neural tagger reads. Vectors are unit length.
/// </summary>
internal sealed class WordVectors
{
    /// <summary>Feature-hash template of the vocabulary keys.</summary>
    private const int KeyTemplate = 248;

    private readonly Dictionary<uint, int> _ids;

    public WordVectors(string[] words, float[] vectors, int dimensions) : this(KeysOf(words), vectors, dimensions) => Words = words;

    /// <summary>
    /// Vectors keyed by the hashes of their words, the form a model stores: like the perceptron's tables, a shipped
    /// model carries no list of the news words.
    /// </summary>
    private WordVectors(uint[] keys, float[] vectors, int dimensions)
    {
        if (vectors.Length != keys.Length * dimensions)
            throw new ArgumentException("Vector table does not match the vocabulary.", nameof(vectors));
        Keys = keys;
        Vectors = vectors;
        Dimensions = dimensions;
        _ids = new Dictionary<uint, int>(keys.Length);
        for (var i = 0; i < keys.Length; i++) _ids.TryAdd(keys[i], i);
    }

    /// <summary>The words, for vectors trained in this process; null for vectors read from a model.</summary>
    public string[]? Words { get; }

    /// <summary>Hash of each row's word (see <see cref="Key"/>).</summary>
    public uint[] Keys { get; }

    /// <summary>Row-major words × dimensions.</summary>
    public float[] Vectors { get; }

    public int Dimensions { get; }

    public int Count => Keys.Length;

    public static uint Key(ReadOnlySpan<char> normalized) => FeatureHash.Of(KeyTemplate, normalized);

    /// <summary>Row of a normalised word, or -1 when it is not in the vocabulary.</summary>
    public int Id(ReadOnlySpan<char> normalized) => _ids.TryGetValue(Key(normalized), out var id) ? id : -1;

    private static uint[] KeysOf(string[] words)
    {
        var keys = new uint[words.Length];
        for (var i = 0; i < words.Length; i++) keys[i] = Key(words[i]);
        return keys;
    }

    public ReadOnlySpan<float> Vector(int id) => Vectors.AsSpan(id * Dimensions, Dimensions);

    /// <summary>Trains vectors for the <paramref name="vocabularySize"/> most frequent words seen at least three times.</summary>
    public static WordVectors Train(IEnumerable<List<string>> sentences, int vocabularySize, SkipGram.Options options)
    {
        var corpus = WordStream.Read(sentences, 1 << 24);
        var counts = corpus.Counts;
        var byFrequency = Enumerable.Range(0, counts.Count).OrderByDescending(i => counts[i]).ThenBy(i => i).ToArray();
        var vocab = Math.Min(vocabularySize, byFrequency.Length);
        while (vocab > 0 && counts[byFrequency[vocab - 1]] < 3) vocab--;
        var rowOf = new int[counts.Count];
        Array.Fill(rowOf, -2);
        for (var r = 0; r < vocab; r++) rowOf[byFrequency[r]] = r;
        var stream = corpus.Stream;
        for (var i = 0; i < stream.Count; i++)
            if (stream[i] >= 0) stream[i] = rowOf[stream[i]];
        var rowCounts = new int[vocab];
        for (var r = 0; r < vocab; r++) rowCounts[r] = counts[byFrequency[r]];
        var vectors = SkipGram.Train(CollectionsMarshal.AsSpan(stream), rowCounts, vocab, options);
        var words = new string[vocab];
        foreach (var (word, id) in corpus.Ids)
            if (rowOf[id] >= 0) words[rowOf[id]] = word;
        return new WordVectors(words, vectors, options.Dimensions);
    }

    /// <summary>
    /// The first <paramref name="count"/> (most frequent) words with each vector rounded to int8 on its own scale, for
    /// measuring what a smaller table costs a trained network; returned as floats so the tagger reads them unchanged.
    /// </summary>
    public WordVectors Quantized(int count)
    {
        count = Math.Min(count, Count);
        var d = Dimensions;
        var vectors = new float[count * d];
        for (var w = 0; w < count; w++)
        {
            var v = Vector(w);
            var max = 0f;
            foreach (var x in v) max = Math.Max(max, Math.Abs(x));
            var scale = max > 0 ? max / 127 : 1;
            for (var i = 0; i < d; i++) vectors[w * d + i] = MathF.Round(v[i] / scale) * scale;
        }
        return Words is null ? new WordVectors(Keys[..count], vectors, d) : new WordVectors(Words[..count], vectors, d);
    }

    /// <summary>
    /// These vectors rounded to four bits per component on each vector's own float16 scale, the form a shipped
    /// model stores (<see cref="WritePacked"/>). Rounding is idempotent, so a network trained on the rounded
    /// vectors reads exactly the same inputs after the model is saved and loaded.
    /// </summary>
    public WordVectors Rounded4()
    {
        var d = Dimensions;
        var vectors = new float[Vectors.Length];
        var codes = new sbyte[d];
        for (var w = 0; w < Count; w++)
        {
            var scale = Encode4(Vector(w), codes);
            for (var i = 0; i < d; i++) vectors[w * d + i] = codes[i] * scale;
        }
        return Words is null ? new WordVectors(Keys, vectors, d) : new WordVectors(Words, vectors, d);
    }

    /// <summary>Writes the word keys and their vectors at four bits per component (see <see cref="Rounded4"/>).</summary>
    public void WritePacked(BinaryWriter w)
    {
        var d = Dimensions;
        w.Write(Count);
        w.Write(d);
        foreach (var key in Keys) w.Write(key);
        var codes = new sbyte[d];
        var rowBytes = (d + 1) / 2;
        var packed = new byte[Count * rowBytes];
        for (var id = 0; id < Count; id++)
        {
            w.Write((Half)Encode4(Vector(id), codes));
            for (var i = 0; i < d; i++) packed[id * rowBytes + i / 2] |= (byte)((codes[i] + 8) << (4 * (i % 2)));
        }
        w.Write(packed);
    }

    public static WordVectors ReadPacked(BinaryReader r)
    {
        var count = r.ReadInt32();
        var d = r.ReadInt32();
        var keys = new uint[count];
        for (var i = 0; i < count; i++) keys[i] = r.ReadUInt32();
        var scales = new float[count];
        for (var i = 0; i < count; i++) scales[i] = (float)r.ReadHalf();
        var rowBytes = (d + 1) / 2;
        var packed = r.ReadBytes(count * rowBytes);
        if (packed.Length != count * rowBytes) throw new EndOfStreamException("Word vectors are cut short.");
        var vectors = new float[count * d];
        for (var id = 0; id < count; id++)
            for (var i = 0; i < d; i++)
                vectors[id * d + i] = (((packed[id * rowBytes + i / 2] >> (4 * (i % 2))) & 15) - 8) * scales[id];
        return new WordVectors(keys, vectors, d);
    }

    /// <summary>Codes in −7..7 and the float16-exact scale they multiply.</summary>
    private static float Encode4(ReadOnlySpan<float> v, Span<sbyte> codes)
    {
        var max = 0f;
        foreach (var x in v) max = Math.Max(max, Math.Abs(x));
        var scale = (float)(Half)(max / 7);
        for (var i = 0; i < v.Length; i++)
            codes[i] = scale > 0 ? (sbyte)Math.Clamp(MathF.Round(v[i] / scale), -7, 7) : (sbyte)0;
        return scale;
    }

    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Count);
        w.Write(Dimensions);
        foreach (var word in Words ?? throw new InvalidOperationException("Only vectors trained in this process can be cached with their words.")) w.Write(word);
        w.Write(MemoryMarshal.AsBytes(Vectors.AsSpan()));
    }

    public static WordVectors Load(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var count = r.ReadInt32();
        var dimensions = r.ReadInt32();
        var words = new string[count];
        for (var i = 0; i < count; i++) words[i] = r.ReadString();
        var vectors = new float[count * dimensions];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(vectors.AsSpan()));
        return new WordVectors(words, vectors, dimensions);
    }
}
