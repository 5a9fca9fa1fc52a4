using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Marsad.Analysis.Sentences;

/// <summary>
/// Logistic regression over hashed features of the gap between two words, deciding whether a sentence ends there.
/// It learns from punctuated news without annotation: the words are read with their punctuation stripped and the
/// gaps that punctuation or a line break closed are the positive examples. Decoding picks the most probable
/// segmentation of a whole stretch under minimum and maximum sentence lengths.
/// </summary>
public sealed class SentenceBoundaryModel
{
    public const string ResourceName = "Marsad.Analysis.sentences.model";

    private const uint Magic = 0x314E5353; // "SSN1"
    private const int FormatVersion = 2;
    private static readonly Lazy<SentenceBoundaryModel> Shipped = new(LoadShipped);

    private readonly float[] _weights;
    private readonly float _scale;

    private SentenceBoundaryModel(float[] weights, int hashBits, float scale, float boundaryBias, WordClusters clusters)
    {
        _weights = weights;
        Clusters = clusters;
        _scale = scale;
        HashBits = hashBits;
        BoundaryBias = boundaryBias;
        var nonZero = 0;
        foreach (var w in weights)
        {
            if (w != 0) nonZero++;
        }
        FeatureCount = nonZero;
    }

    public int HashBits { get; }

    /// <summary>Word classes whose ids the gap features read.</summary>
    internal WordClusters Clusters { get; }

    /// <summary>Added to every gap's log-odds when decoding; tuned on held-out text for boundary F1.</summary>
    public float BoundaryBias { get; }

    /// <summary>Number of non-zero weights kept after pruning.</summary>
    public int FeatureCount { get; }

    public static SentenceBoundaryModel Train(IEnumerable<string> punctuatedBodies, SentenceTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(punctuatedBodies);
        ArgumentNullException.ThrowIfNull(options);
        if (options.HashBits is < 10 or > 26) throw new ArgumentOutOfRangeException(nameof(options), options.HashBits, "HashBits must be 10..26.");
        if (options.Epochs < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Epochs, "Epochs must be at least 1.");
        if (options.WordClasses is < 0 or > 4096) throw new ArgumentOutOfRangeException(nameof(options), options.WordClasses, "WordClasses must be 0..4096.");
        if (options.MinFeatureCount is < 1 or > byte.MaxValue) throw new ArgumentOutOfRangeException(nameof(options), options.MinFeatureCount, "MinFeatureCount must be 1..255.");

        var bodies = new List<string>(punctuatedBodies);
        var clusters = LearnClusters(bodies, options);
        var bits = options.HashBits;
        var weights = new float[1 << bits];
        var squaredGradients = new float[1 << bits];
        var order = new int[bodies.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var random = new Random(options.Seed);
        var words = new List<SentenceWord>();
        var segments = new List<RuleSegment>();
        var keys = new WordKey[256];
        var boundaryAfter = new bool[256];
        Span<int> features = stackalloc int[BoundaryFeatures.MaxGapFeatures + BoundaryFeatures.DistanceFeatures];
        var rate = options.LearningRate;

        // A first pass counts how often each hashed feature fires; rare ones are never given a weight, which keeps
        // the model small and stops one-off words from crowding frequent features in shared hash slots.
        var counts = options.MinFeatureCount > 1 ? new byte[1 << bits] : null;
        for (var epoch = counts is null ? 0 : -1; epoch < options.Epochs; epoch++)
        {
            if (epoch >= 0)
            {
                for (var i = order.Length - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }
            }
            foreach (var index in order)
            {
                var body = bodies[index];
                SentenceTokenizer.Tokenize(body, words);
                var n = words.Count;
                if (n < 2) continue;
                if (keys.Length < n)
                {
                    keys = new WordKey[n * 2];
                    boundaryAfter = new bool[n * 2];
                }
                SentenceRules.Segment(words, options.MinWords, segments);
                SentenceRules.Boundaries(segments, boundaryAfter.AsSpan(0, n));
                var keySpan = keys.AsSpan(0, n);
                BoundaryFeatures.ComputeKeys(body, CollectionsMarshal.AsSpan(words), clusters, keySpan);
                var sentenceWords = 0;
                for (var k = 0; k < n - 1; k++)
                {
                    sentenceWords++;
                    var count = BoundaryFeatures.Gap(keySpan, k, bits, features);
                    count += BoundaryFeatures.Distance(keySpan, k, BoundaryFeatures.Bucket(sentenceWords), bits, features[count..]);
                    var active = features[..count];
                    var boundary = boundaryAfter[k];
                    if (boundary) sentenceWords = 0;
                    if (epoch < 0)
                    {
                        foreach (var f in active)
                        {
                            if (counts![f] < byte.MaxValue) counts[f]++;
                        }
                        continue;
                    }
                    var z = 0f;
                    foreach (var f in active) z += weights[f];
                    var gradient = Sigmoid(z) - (boundary ? 1f : 0f);
                    if (gradient is <= 1e-4f and >= -1e-4f) continue;
                    var g2 = gradient * gradient;
                    foreach (var f in active)
                    {
                        if (counts is not null && counts[f] < options.MinFeatureCount) continue;
                        squaredGradients[f] += g2;
                        weights[f] -= rate * gradient / MathF.Sqrt(squaredGradients[f]);
                    }
                }
            }
        }

        var scale = Quantise(weights, options.PruneBelow);
        return new SentenceBoundaryModel(weights, bits, scale, options.BoundaryBias, clusters);
    }

    private static WordClusters LearnClusters(List<string> bodies, SentenceTrainingOptions options)
    {
        if (options.WordClasses == 0) return WordClusters.Empty;
        var stream = new List<ulong>();
        var boundaries = new List<bool>();
        var words = new List<SentenceWord>();
        var segments = new List<RuleSegment>();
        var keys = new WordKey[256];
        var boundaryAfter = new bool[256];
        foreach (var body in bodies)
        {
            SentenceTokenizer.Tokenize(body, words);
            var n = words.Count;
            if (n == 0) continue;
            if (keys.Length < n)
            {
                keys = new WordKey[n * 2];
                boundaryAfter = new bool[n * 2];
            }
            SentenceRules.Segment(words, options.MinWords, segments);
            SentenceRules.Boundaries(segments, boundaryAfter.AsSpan(0, n));
            BoundaryFeatures.ComputeKeys(body, CollectionsMarshal.AsSpan(words), WordClusters.Empty, keys.AsSpan(0, n));
            stream.Add(0);
            boundaries.Add(true);
            for (var i = 0; i < n; i++)
            {
                stream.Add(keys[i].Word);
                boundaries.Add(boundaryAfter[i]);
            }
        }
        return WordClusters.Learn(stream, boundaries, options.ClassVocabulary, options.ClassContexts, options.WordClasses, options.ClassIterations);
    }

    public static SentenceBoundaryModel LoadDefault() => Shipped.Value;

    public SentenceBoundaryModel WithBoundaryBias(float boundaryBias) => new(_weights, HashBits, _scale, boundaryBias, Clusters);

    /// <summary>
    /// Writes a compact form: a header, then the non-zero weights as delta-coded indices and 16-bit quantised values
    /// followed by the word classes (delta-coded word hashes and class ids), all
    /// deflated. The weights were quantised when the model was made, so a saved and reloaded model predicts identically.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var header = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        header.Write(Magic);
        header.Write(FormatVersion);
        header.Write(HashBits);
        header.Write(BoundaryBias);
        header.Write(_scale);
        header.Write(FeatureCount);
        header.Flush();
        using var deflate = new ZLibStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var body = new BinaryWriter(deflate);
        var previous = -1;
        for (var i = 0; i < _weights.Length; i++)
        {
            if (_weights[i] == 0) continue;
            body.Write7BitEncodedInt(i - previous);
            body.Write((short)MathF.Round(_weights[i] / _scale));
            previous = i;
        }
        Clusters.Write(body);
    }

    public static SentenceBoundaryModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var header = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (header.ReadUInt32() != Magic) throw new InvalidDataException("Not a sentence boundary model.");
        var version = header.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"Unsupported sentence model version {version}.");
        var bits = header.ReadInt32();
        if (bits is < 10 or > 26) throw new InvalidDataException($"Sentence model hash size 2^{bits} is out of range.");
        var bias = header.ReadSingle();
        var scale = header.ReadSingle();
        var count = header.ReadInt32();
        var weights = new float[1 << bits];
        using var inflate = new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var body = new BinaryReader(inflate);
        var index = -1;
        for (var i = 0; i < count; i++)
        {
            index += body.Read7BitEncodedInt();
            if ((uint)index >= (uint)weights.Length) throw new InvalidDataException("Sentence model weight index out of range.");
            weights[index] = body.ReadInt16() * scale;
        }
        var clusters = WordClusters.Read(body);
        return new SentenceBoundaryModel(weights, bits, scale, bias, clusters);
    }

    /// <summary>
    /// Chooses where to end sentences in one stretch of words: the segmentation with the highest total log-probability,
    /// every sentence between <paramref name="minWords"/> and <paramref name="maxWords"/> long (a stretch shorter than
    /// <paramref name="minWords"/> stays whole). Adds to <paramref name="cutsAfter"/> the indices of words that end a sentence.
    /// </summary>
    internal void Segment(ReadOnlySpan<WordKey> keys, int minWords, int maxWords, float bias, List<int> cutsAfter) =>
        Segment(keys, minWords, maxWords, maxWords, 0, bias, cutsAfter);

    /// <summary>
    /// As above, and every word a sentence runs past <paramref name="softMaxWords"/> costs <paramref name="overLengthCost"/>
    /// log-probability, which spreads the cuts of an unpunctuated stretch more evenly than the hard limit alone.
    /// </summary>
    internal void Segment(ReadOnlySpan<WordKey> keys, int minWords, int maxWords, int softMaxWords, float overLengthCost, float bias, List<int> cutsAfter)
    {
        var n = keys.Length;
        if (n < 2) return;
        const int buckets = BoundaryFeatures.DistanceBuckets;
        var logOdds = new float[(n - 1) * buckets];
        Span<int> features = stackalloc int[BoundaryFeatures.MaxGapFeatures];
        for (var k = 0; k < n - 1; k++)
        {
            var count = BoundaryFeatures.Gap(keys, k, HashBits, features);
            var gap = bias;
            foreach (var f in features[..count]) gap += _weights[f];
            var reachable = BoundaryFeatures.Bucket(Math.Min(k + 1, maxWords));
            for (var b = 0; b <= reachable; b++)
            {
                BoundaryFeatures.Distance(keys, k, b, HashBits, features);
                var z = gap;
                foreach (var f in features[..BoundaryFeatures.DistanceFeatures]) z += _weights[f];
                logOdds[k * buckets + b] = z;
            }
        }

        var best = new double[n + 1];
        var back = new int[n + 1];
        Array.Fill(best, double.NegativeInfinity);
        best[0] = 0;
        for (var s = 0; s < n; s++)
        {
            if (double.IsNegativeInfinity(best[s])) continue;
            var keep = 0.0;
            var last = Math.Min(n - 1, s + maxWords - 1);
            for (var e = s; e <= last; e++)
            {
                var length = e - s + 1;
                var over = length > softMaxWords ? overLengthCost * (length - softMaxWords) : 0.0;
                if (e == n - 1)
                {
                    if (length >= minWords || s == 0) Relax(best, back, n, best[s] + keep - over, s);
                    break;
                }
                var z = logOdds[e * buckets + BoundaryFeatures.Bucket(length)];
                if (length >= minWords) Relax(best, back, e + 1, best[s] + keep + LogSigmoid(z) - over, s);
                keep += LogSigmoid(-z);
            }
        }

        if (double.IsNegativeInfinity(best[n]))
        {
            // Unreachable with validated lengths; cut evenly rather than emit an over-long sentence.
            for (var e = maxWords - 1; e < n - 1; e += maxWords) cutsAfter.Add(e);
            return;
        }
        var firstCut = cutsAfter.Count;
        for (var start = back[n]; start > 0; start = back[start]) cutsAfter.Add(start - 1);
        cutsAfter.Reverse(firstCut, cutsAfter.Count - firstCut);
    }

    private static void Relax(double[] best, int[] back, int at, double score, int from)
    {
        if (score > best[at])
        {
            best[at] = score;
            back[at] = from;
        }
    }

    private static float Sigmoid(float z) => 1f / (1f + MathF.Exp(-z));

    private static double LogSigmoid(float z) => z >= 0 ? -Math.Log(1 + Math.Exp(-z)) : z - Math.Log(1 + Math.Exp(z));

    /// <summary>Prunes small weights and rounds the rest to the 16-bit grid the file stores; returns the grid step.</summary>
    private static float Quantise(float[] weights, float pruneBelow)
    {
        var maxAbs = 0f;
        foreach (var w in weights) maxAbs = MathF.Max(maxAbs, MathF.Abs(w));
        var scale = maxAbs > 0 ? maxAbs / short.MaxValue : 1f;
        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i];
            weights[i] = MathF.Abs(w) < pruneBelow ? 0 : MathF.Round(w / scale) * scale;
        }
        return scale;
    }

    private static SentenceBoundaryModel LoadShipped()
    {
        using var stream = typeof(SentenceBoundaryModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sentence model resource '{ResourceName}' is missing from {typeof(SentenceBoundaryModel).Assembly.GetName().Name}.");
        return Load(stream);
    }
}
