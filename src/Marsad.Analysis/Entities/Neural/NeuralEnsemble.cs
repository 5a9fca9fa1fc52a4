namespace Marsad.Analysis.Entities.Neural;

/// <summary>
/// The BiLSTM taggers that ship inside a <see cref="NerModel"/>: networks trained with different seeds over the same
/// word vectors, whose label log-probabilities are averaged and added to the perceptron's final-stage emissions with
/// weight <see cref="NerModel.NeuralWeight"/>. Stored with the vectors once at four bits per component and the
/// network weights as float16; both are rounded that way when trained, so a loaded model tags exactly as the
/// trained one did.
/// </summary>
internal sealed class NeuralEnsemble
{
    public NeuralEnsemble(WordVectors vectors, IReadOnlyList<BiLstm> networks, NewsLanguageModel? languageModel = null)
    {
        if (networks.Count == 0) throw new ArgumentException("An ensemble needs at least one network.", nameof(networks));
        Vectors = vectors;
        LanguageModel = languageModel;
        Members = networks.Select(n => new NeuralNerModel(n, vectors, languageModel)).ToArray();
        Projections = networks.Select(n => new ProjectionCache(CachedWords, 8 * n.Hidden)).ToArray();
    }

    /// <summary>Word types whose projections each network keeps for all threads (16,384 × 8H floats: 12 MB at H = 48).</summary>
    private const int CachedWords = 16_384;

    /// <summary>Per member, the projection cache shared by every tagger of this (immutable) ensemble.</summary>
    public IReadOnlyList<ProjectionCache> Projections { get; }

    /// <summary>Empties the projection caches (for timing a pass over text as if its words were all new).</summary>
    public void ClearCaches()
    {
        foreach (var cache in Projections) cache.Clear();
    }

    public WordVectors Vectors { get; }

    /// <summary>The language model all members read, if they read one.</summary>
    public NewsLanguageModel? LanguageModel { get; }

    public IReadOnlyList<NeuralNerModel> Members { get; }

    /// <summary>Whether the networks read the perceptron's tables (clusters, gazetteers, triggers) as inputs.</summary>
    public bool Lexical => Members[0].Network.LexicalSlots > 0;

    public void Write(BinaryWriter w)
    {
        Vectors.WritePacked(w);
        w.Write(Members.Count);
        foreach (var member in Members)
        {
            var net = member.Network;
            w.Write(net.Hidden);
            w.Write(net.Embedding);
            w.Write(net.AffixBuckets);
            w.Write(net.LexicalSlots > 0);
            w.Write(net.ContextDimensions);
            foreach (var p in net.Parameters) w.Write((Half)p);
        }
        w.Write(LanguageModel is not null);
        LanguageModel?.Write(w);
    }

    public static NeuralEnsemble Read(BinaryReader r, bool withLanguageModel)
    {
        var vectors = WordVectors.ReadPacked(r);
        var networks = new BiLstm[r.ReadInt32()];
        for (var k = 0; k < networks.Length; k++)
        {
            var net = new BiLstm(vectors.Dimensions, r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadBoolean(), withLanguageModel ? r.ReadInt32() : 0);
            var p = net.Parameters;
            for (var i = 0; i < p.Length; i++) p[i] = (float)r.ReadHalf();
            networks[k] = net;
        }
        var languageModel = withLanguageModel && r.ReadBoolean() ? NewsLanguageModel.Read(r, vectors.Dimensions) : null;
        return new NeuralEnsemble(vectors, networks, languageModel);
    }
}
