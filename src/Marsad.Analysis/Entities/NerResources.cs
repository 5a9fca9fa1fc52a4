using System.Text.Json;
using Marsad.Analysis.Entities.Neural;

namespace Marsad.Analysis.Entities;

/// <summary>
/// External knowledge for the recogniser: place and actor gazetteers and induced word clusters. Built from the
/// shared data at training time and baked into the model as hashes, so tagging never needs the shared folder.
/// </summary>
public sealed class NerResources
{
    internal const byte GazLocation = 1;
    internal const byte GazCountry = 2;
    internal const byte GazActor = 4;
    internal const byte GazKnownPerson = 8;
    internal const byte GazKnownOrganisation = 16;
    internal const byte GazKnownOther = 32;
    internal const int GazetteerMaxTokens = 4;

    /// <summary>Cluster value of a word that has a news frequency but no cluster.</summary>
    internal const int ClusterNone = 0xFFFF;

    /// <summary>1 + ⌊log2 count⌋, at most 15.</summary>
    internal static int FrequencyBucket(int count) => Math.Min(15, 1 + System.Numerics.BitOperations.Log2((uint)Math.Max(1, count)));

    internal NerResources(Dictionary<uint, byte> gazetteer, Dictionary<uint, int> clusters, Dictionary<uint, int>? clusters2 = null, WordVectors? vectors = null)
    {
        Gazetteer = gazetteer;
        Clusters = clusters;
        Clusters2 = clusters2 ?? [];
        Vectors = vectors;
    }

    /// <summary>Skip-gram vectors of the news words, already rounded as a model stores them; null when not built.</summary>
    internal WordVectors? Vectors { get; }

    /// <summary>A second clustering of the same words from skip-gram vectors (empty when not built).</summary>
    internal Dictionary<uint, int> Clusters2 { get; }

    /// <summary>Phrase hash (normalised tokens joined by spaces) to a bit set of gazetteer kinds.</summary>
    internal Dictionary<uint, byte> Gazetteer { get; }

    /// <summary>
    /// Normalised word hash to its cluster leaf: <see cref="WordClusterBuilder.Depth"/> base-8 digits, either a k-means
    /// tree path or the first 12 bits of a Brown bit string.
    /// </summary>
    internal Dictionary<uint, int> Clusters { get; }

    /// <summary>The unlabelled news as normalised token sentences, for <see cref="NewsProfiles"/>; null when unavailable.</summary>
    internal Func<IEnumerable<List<string>>>? News { get; private init; }

    /// <summary>These tables plus a news source read from the shared data (needed for news profiles).</summary>
    public NerResources WithNews(string sharedDataRoot, int maxDocuments = int.MaxValue)
    {
        return new NerResources(Gazetteer, Clusters, Clusters2, Vectors)
        {
            News = () => NewsSentences(sharedDataRoot, maxDocuments),
        };
    }

    /// <summary>The unlabelled news under <c>data/news</c> as normalised token sentences, streamed.</summary>
    internal static IEnumerable<List<string>> NewsSentences(string sharedDataRoot, int maxDocuments) =>
        NewsText.Documents(Path.Combine(sharedDataRoot, "data", "news"), maxDocuments).SelectMany(d => NewsText.Sentences(d));

    public int GazetteerEntries => Gazetteer.Count;
    public int ClusterVocabulary => Clusters.Count;

    public static NerResources Empty { get; } = new([], []);

    /// <summary>Reads gazetteers from <c>data/gazetteer</c>, actors from <c>data/events/petrarch-arabic</c> and induces clusters from <c>data/news</c>.</summary>
    public static NerResources Build(string sharedDataRoot, NerResourceOptions? options = null)
    {
        options ??= new NerResourceOptions();
        var dataRoot = Path.Combine(sharedDataRoot, "data");
        if (!Directory.Exists(dataRoot))
            throw new DirectoryNotFoundException($"No data folder under '{sharedDataRoot}'.");
        var gazetteer = new Dictionary<uint, byte>();
        if (options.UseGazetteers) LoadGazetteers(Path.Combine(dataRoot, "gazetteer"), gazetteer);
        if (options.UseActorDictionary) LoadActors(Path.Combine(dataRoot, "events", "petrarch-arabic", "actor_dict_ar_v4.txt"), gazetteer);
        if (options.UseKnownEntities) AddKnownEntities(KnownEntities.Default, gazetteer);
        // Each clustering reads the news afresh, streaming, rather than holding all its sentences.
        IEnumerable<List<string>> NewsSentences() => NerResources.NewsSentences(sharedDataRoot, options.MaxNewsDocuments);
        var clusters = new Dictionary<uint, int>();
        var clusters2 = new Dictionary<uint, int>();
        if (options.SecondClusters)
        {
            var sentences = NewsSentences();
            var words = WordClusterBuilder.Build(sentences, options.ClusterVocabulary, options.ClusterContexts, options.ClusterDimensions, options.Seed,
                new SkipGram.Options { Window = options.SkipGramWindow, Epochs = options.SkipGramEpochs, Dimensions = options.SkipGramDimensions, Seed = options.Seed });
            foreach (var (word, leaf) in words) clusters2[NerFeatureExtractor.ClusterKey(word)] = leaf;
        }
        if (options.UseClusters && options.BrownClusters)
        {
            var sentences = NewsSentences();
            foreach (var (word, leaf) in BrownLeaves(sentences, options)) clusters[NerFeatureExtractor.ClusterKey(word)] = leaf;
        }
        else if (options.UseClusters)
        {
            var sentences = NewsSentences();
            var counts = options.FrequencyMinCount > 0 ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
            var words = WordClusterBuilder.Build(sentences, options.ClusterVocabulary, options.ClusterContexts, options.ClusterDimensions, options.Seed,
                options.SkipGramVectors ? new SkipGram.Options { Window = options.SkipGramWindow, Epochs = options.SkipGramEpochs, Dimensions = options.SkipGramDimensions, Seed = options.Seed } : null,
                counts, options.FrequencyMinCount);
            foreach (var (word, leaf) in words) clusters[NerFeatureExtractor.ClusterKey(word)] = leaf;
            if (counts is not null)
                foreach (var (word, count) in counts)
                {
                    // Leaf in the low 16 bits (0xFFFF: no cluster), news frequency bucket above.
                    var leaf = words.TryGetValue(word, out var l) ? l : ClusterNone;
                    clusters[NerFeatureExtractor.ClusterKey(word)] = leaf | (FrequencyBucket(count) << 16);
                }
        }
        WordVectors? vectors = null;
        if (options.WordVectors)
        {
            var skipGram = new SkipGram.Options { Dimensions = options.VectorDimensions, Epochs = options.VectorEpochs, Window = options.VectorWindow };
            vectors = WordVectors.Train(NewsSentences(), options.VectorVocabulary, skipGram).Rounded4();
        }
        return new NerResources(gazetteer, clusters, clusters2, vectors).WithNews(sharedDataRoot, options.MaxNewsDocuments);
    }

    /// <summary>
    /// Brown bit strings cut to their first 3 × <see cref="WordClusterBuilder.Depth"/> bits, so the cluster feature
    /// templates read them as the same four prefix levels (3, 6, 9, 12 bits) as the k-means tree's leaves.
    /// </summary>
    private static Dictionary<string, int> BrownLeaves(IEnumerable<List<string>> sentences, NerResourceOptions options)
    {
        var paths = BrownClusterer.Cluster(sentences, options.BrownVocabulary, options.BrownClasses);
        var leaves = new Dictionary<string, int>(paths.Count, StringComparer.Ordinal);
        foreach (var (word, path) in paths) leaves[word] = BrownClusterer.Prefix(path, 3 * WordClusterBuilder.Depth);
        return leaves;
    }

    /// <summary>Persists the built tables (hashes only) so several training runs can share one cluster induction.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Gazetteer.Count);
        foreach (var (k, v) in Gazetteer.OrderBy(p => p.Key)) { w.Write(k); w.Write(v); }
        w.Write(Clusters.Count);
        foreach (var (k, v) in Clusters.OrderBy(p => p.Key)) { w.Write(k); w.Write(v); }
        w.Write(Clusters2.Count);
        foreach (var (k, v) in Clusters2.OrderBy(p => p.Key)) { w.Write(k); w.Write(v); }
        w.Write(Vectors is not null);
        Vectors?.WritePacked(w);
    }

    public static NerResources Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var gazetteer = new Dictionary<uint, byte>();
        for (var n = r.ReadInt32(); n > 0; n--) gazetteer[r.ReadUInt32()] = r.ReadByte();
        var clusters = new Dictionary<uint, int>();
        for (var n = r.ReadInt32(); n > 0; n--) clusters[r.ReadUInt32()] = r.ReadInt32();
        var clusters2 = new Dictionary<uint, int>();
        if (stream.Position < stream.Length)
            for (var n = r.ReadInt32(); n > 0; n--) clusters2[r.ReadUInt32()] = r.ReadInt32();
        var vectors = stream.Position < stream.Length && r.ReadBoolean() ? WordVectors.ReadPacked(r) : null;
        return new NerResources(gazetteer, clusters, clusters2, vectors);
    }

    private static void LoadGazetteers(string dir, Dictionary<uint, byte> gazetteer)
    {
        var geonames = Path.Combine(dir, "geonames-cities15000.txt");
        foreach (var line in File.ReadLines(geonames))
        {
            var cols = line.Split('\t');
            if (cols.Length < 4) continue;
            foreach (var name in cols[3].Split(','))
                if (HasArabic(name)) AddPhrase(gazetteer, name, GazLocation);
        }
        foreach (var file in new[] { "libya-places.json", "saudi-cities.json" })
            WalkJson(Path.Combine(dir, file), gazetteer, GazLocation);
        WalkJson(Path.Combine(dir, "countries.json"), gazetteer, GazCountry);
    }

    /// <summary>The team's lexicon of well-known entities, one gazetteer bit per type (places are left to the place gazetteers).</summary>
    private static void AddKnownEntities(KnownEntities known, Dictionary<uint, byte> gazetteer)
    {
        foreach (var (type, name) in known.FeatureNames)
        {
            var kind = type switch { "PERS" => GazKnownPerson, "ORG" => GazKnownOrganisation, "LOC" => GazLocation, _ => GazKnownOther };
            AddPhrase(gazetteer, name, kind);
        }
    }

    /// <summary>PETRARCH actor entries are underscore-joined phrases (people, organisations, groups) whose codes follow in brackets.</summary>
    private static void LoadActors(string path, Dictionary<uint, byte> gazetteer)
    {
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '[' || line[0] == '#') continue;
            var bracket = line.IndexOf('[', StringComparison.Ordinal);
            var phrase = (bracket >= 0 ? line[..bracket] : line).Replace('_', ' ').Trim();
            if (HasArabic(phrase)) AddPhrase(gazetteer, phrase, GazActor);
        }
    }

    /// <summary>Collects Arabic names wherever these files keep them: "ar"/"name_ar" fields and anything under an "ara" object.</summary>
    private static void WalkJson(string path, Dictionary<uint, byte> gazetteer, byte kind)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        Walk(doc.RootElement, false);

        void Walk(JsonElement e, bool arabicScope)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        var isArabicField = p.NameEquals("ar") || p.NameEquals("name_ar") || p.NameEquals("ara");
                        if (p.Value.ValueKind == JsonValueKind.String)
                        {
                            if ((arabicScope || isArabicField) && p.Value.GetString() is { } s && HasArabic(s))
                                AddPhrase(gazetteer, s, kind);
                        }
                        else
                        {
                            Walk(p.Value, arabicScope || isArabicField);
                        }
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray()) Walk(item, arabicScope);
                    break;
            }
        }
    }

    private static void AddPhrase(Dictionary<uint, byte> gazetteer, string name, byte kind)
    {
        foreach (var sentence in NewsText.Sentences(name, minTokens: 1))
        {
            // GeoNames mixes transliterations into the same field ("Khartún - الخرطوم"); keep the Arabic words only.
            var tokens = sentence.FindAll(HasArabic);
            if (tokens.Count is 0 or > GazetteerMaxTokens) continue;
            var key = NerFeatureExtractor.PhraseKey(tokens);
            gazetteer[key] = (byte)(gazetteer.GetValueOrDefault(key) | kind);
        }
    }

    private static bool HasArabic(string s)
    {
        foreach (var c in s)
            if (c is >= '\u0621' and <= '\u064A') return true;
        return false;
    }
}
