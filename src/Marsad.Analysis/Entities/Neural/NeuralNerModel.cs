namespace Marsad.Analysis.Entities.Neural;

/// <summary>
/// A trained <see cref="BiLstm"/> with the word vectors it reads. Saved with the vectors as float16, which is
/// where nearly all of its size is. A network with lexical inputs also needs the perceptron's tables to tag.
/// </summary>
internal sealed class NeuralNerModel(BiLstm network, WordVectors vectors, NewsLanguageModel? languageModel = null)
{
    private const int Version = 2;

    public BiLstm Network { get; } = network;

    public WordVectors Vectors { get; } = vectors;

    /// <summary>The language model whose states the network reads (<see cref="BiLstm.ContextDimensions"/>), if any.</summary>
    public NewsLanguageModel? LanguageModel { get; } = languageModel;

    public void Save(Stream stream)
    {
        if (LanguageModel is not null) throw new NotSupportedException("The tuning harness caches networks without a language model; one that reads a language model is stored in a NerModel's ensemble.");
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Version);
        w.Write(Network.WordDimensions);
        w.Write(Network.Hidden);
        w.Write(Network.Embedding);
        w.Write(Network.AffixBuckets);
        w.Write(Network.LexicalSlots > 0);
        foreach (var p in Network.Parameters) w.Write(p);
        w.Write(Vectors.Count);
        foreach (var word in Vectors.Words ?? throw new InvalidOperationException("Only vectors trained in this process can be cached with their words.")) w.Write(word);
        foreach (var v in Vectors.Vectors) w.Write((Half)v);
    }

    public static NeuralNerModel Load(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (r.ReadInt32() != Version) throw new InvalidDataException("Unknown neural NER model version.");
        var network = new BiLstm(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadBoolean());
        var p = network.Parameters;
        for (var i = 0; i < p.Length; i++) p[i] = r.ReadSingle();
        var words = new string[r.ReadInt32()];
        for (var i = 0; i < words.Length; i++) words[i] = r.ReadString();
        var vectors = new float[words.Length * network.WordDimensions];
        for (var i = 0; i < vectors.Length; i++) vectors[i] = (float)r.ReadHalf();
        return new NeuralNerModel(network, new WordVectors(words, vectors, network.WordDimensions));
    }
}
