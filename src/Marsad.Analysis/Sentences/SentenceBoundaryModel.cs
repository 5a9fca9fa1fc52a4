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
    private const int FormatVersion = 3;
    private static readonly Lazy<SentenceBoundaryModel> Shipped = new(LoadShipped);

    private readonly float[] _weights;
    private readonly float _scale;
    private readonly float[]? _second;
    private readonly float _secondScale;

    private SentenceBoundaryModel(float[] weights, float scale, float[]? second, float secondScale, int hashBits, float boundaryBias, WordClusters clusters)
    {
        _weights = weights;
        _scale = scale;
        _second = second;
        _secondScale = secondScale;
        Clusters = clusters;
        HashBits = hashBits;
        BoundaryBias = boundaryBias;
        FeatureCount = NonZero(weights) + (second is null ? 0 : NonZero(second));
    }

    private static int NonZero(float[] weights)
    {
        var count = 0;
        foreach (var w in weights)
        {
            if (w != 0) count++;
        }
        return count;
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

        if (options.StackFolds is 1 or < 0 or > 10) throw new ArgumentOutOfRangeException(nameof(options), options.StackFolds, "StackFolds must be 0 or 2..10.");

        var bodies = new List<string>(punctuatedBodies);
        var clusters = LearnClusters(bodies, options);
        var bits = options.HashBits;
        var all = new int[bodies.Count];
        for (var i = 0; i < all.Length; i++) all[i] = i;
        var first = TrainPass(bodies, all, clusters, options, null, options.Seed);
        var firstScale = Quantise(first, options.PruneBelow);
        if (options.StackFolds == 0) return new SentenceBoundaryModel(first, firstScale, null, 0, bits, options.BoundaryBias, clusters);

        // The second pass reads the first pass's scores around each gap. Those scores come from models that never saw
        // the body they score (cross-fitting), so the second pass learns how far to trust them on unseen text.
        var folds = options.StackFolds;
        var firstPassLogOdds = new float[bodies.Count][];
        var words = new List<SentenceWord>();
        var keys = Array.Empty<WordKey>();
        for (var fold = 0; fold < folds; fold++)
        {
            var inFold = Array.FindAll(all, i => i % folds != fold);
            var foldWeights = TrainPass(bodies, inFold, clusters, options, null, options.Seed + fold + 1);
            Quantise(foldWeights, options.PruneBelow);
            for (var i = fold; i < bodies.Count; i += folds)
            {
                SentenceTokenizer.Tokenize(bodies[i], words);
                var n = words.Count;
                if (n < 2) continue;
                if (keys.Length < n) keys = new WordKey[n * 2];
                BoundaryFeatures.ComputeKeys(bodies[i], CollectionsMarshal.AsSpan(words), clusters, keys.AsSpan(0, n));
                firstPassLogOdds[i] = new float[n - 1];
                GapLogOdds(keys.AsSpan(0, n), foldWeights, bits, firstPassLogOdds[i]);
            }
        }
        var second = TrainPass(bodies, all, clusters, options, firstPassLogOdds, options.Seed + folds + 1);
        var secondScale = Quantise(second, options.PruneBelow);
        return new SentenceBoundaryModel(first, firstScale, second, secondScale, bits, options.BoundaryBias, clusters);
    }

    /// <summary>
    /// AdaGrad logistic regression over the gaps of the bodies at <paramref name="indices"/>; with
    /// <paramref name="stacked"/> the gaps also read the first pass's log-odds of each body.
    /// </summary>
    private static float[] TrainPass(List<string> bodies, int[] indices, WordClusters clusters, SentenceTrainingOptions options, float[][]? stacked, int seed)
    {
        var bits = options.HashBits;
        var weights = new float[1 << bits];
        var squaredGradients = new float[1 << bits];
        var order = (int[])indices.Clone();
        var random = new Random(seed);
        var words = new List<SentenceWord>();
        var segments = new List<RuleSegment>();
        var keys = new WordKey[256];
        var boundaryAfter = new bool[256];
        Span<int> features = stackalloc int[BoundaryFeatures.MaxGapFeatures + BoundaryFeatures.StackFeatures + BoundaryFeatures.DistanceFeatures];
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
                var firstPass = stacked?[index];
                var sentenceWords = 0;
                for (var k = 0; k < n - 1; k++)
                {
                    sentenceWords++;
                    var count = BoundaryFeatures.Gap(keySpan, k, bits, features);
                    if (firstPass is not null) count += BoundaryFeatures.Stack(firstPass, k, bits, features[count..]);
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
        return weights;
    }

    /// <summary>Log-odds of a boundary at every gap from the gap features alone (no sentence-length features).</summary>
    private static void GapLogOdds(ReadOnlySpan<WordKey> keys, float[] weights, int bits, Span<float> into)
    {
        Span<int> features = stackalloc int[BoundaryFeatures.MaxGapFeatures];
        for (var k = 0; k < keys.Length - 1; k++)
        {
            var count = BoundaryFeatures.Gap(keys, k, bits, features);
            var z = 0f;
            foreach (var f in features[..count]) z += weights[f];
            into[k] = z;
        }
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

    public SentenceBoundaryModel WithBoundaryBias(float boundaryBias) => new(_weights, _scale, _second, _secondScale, HashBits, boundaryBias, Clusters);

    /// <summary>
    /// Writes a compact form: a header, then for each pass the non-zero weights as delta-coded indices and quantised
    /// values, followed by the word classes (delta-coded word hashes and class ids), all deflated. The weights were
    /// quantised when the model was made, so a saved and reloaded model predicts identically.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var header = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        header.Write(Magic);
        header.Write(FormatVersion);
        header.Write(HashBits);
        header.Write(BoundaryBias);
        header.Write(_second is null ? 1 : 2);
        header.Flush();
        using var deflate = new ZLibStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var body = new BinaryWriter(deflate);
        WriteWeights(body, _weights, _scale);
        if (_second is not null) WriteWeights(body, _second, _secondScale);
        Clusters.Write(body);
    }

    private static void WriteWeights(BinaryWriter body, float[] weights, float scale)
    {
        body.Write(scale);
        body.Write(NonZero(weights));
        var previous = -1;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] == 0) continue;
            body.Write7BitEncodedInt(i - previous);
            previous = i;
        }
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] != 0) body.Write(Level(weights[i] / scale));
        }
    }

    private static float[] ReadWeights(BinaryReader body, int bits, out float scale)
    {
        scale = body.ReadSingle();
        var count = body.ReadInt32();
        if (count < 0 || count > 1 << bits) throw new InvalidDataException("Sentence model weight count out of range.");
        var weights = new float[1 << bits];
        var indices = new int[count];
        var index = -1;
        for (var i = 0; i < count; i++)
        {
            index += body.Read7BitEncodedInt();
            if ((uint)index >= (uint)weights.Length) throw new InvalidDataException("Sentence model weight index out of range.");
            indices[i] = index;
        }
        foreach (var i in indices) weights[i] = Value(body.ReadSByte()) * scale;
        return weights;
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
        var passes = header.ReadInt32();
        if (passes is not (1 or 2)) throw new InvalidDataException($"Sentence model has {passes} passes.");
        using var inflate = new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var body = new BinaryReader(inflate);
        var first = ReadWeights(body, bits, out var firstScale);
        float[]? second = null;
        var secondScale = 0f;
        if (passes == 2) second = ReadWeights(body, bits, out secondScale);
        var clusters = WordClusters.Read(body);
        return new SentenceBoundaryModel(first, firstScale, second, secondScale, bits, bias, clusters);
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
        float[]? firstPass = null;
        var weights = _weights;
        if (_second is not null)
        {
            firstPass = new float[n - 1];
            GapLogOdds(keys, _weights, HashBits, firstPass);
            weights = _second;
        }
        Span<int> features = stackalloc int[BoundaryFeatures.MaxGapFeatures + BoundaryFeatures.StackFeatures];
        for (var k = 0; k < n - 1; k++)
        {
            var count = BoundaryFeatures.Gap(keys, k, HashBits, features);
            if (firstPass is not null) count += BoundaryFeatures.Stack(firstPass, k, HashBits, features[count..]);
            var gap = bias;
            foreach (var f in features[..count]) gap += weights[f];
            var reachable = BoundaryFeatures.Bucket(Math.Min(k + 1, maxWords));
            for (var b = 0; b <= reachable; b++)
            {
                BoundaryFeatures.Distance(keys, k, b, HashBits, features);
                var z = gap;
                foreach (var f in features[..BoundaryFeatures.DistanceFeatures]) z += weights[f];
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

    /// <summary>
    /// Prunes small weights and rounds the rest to the 8-bit grid the file stores; returns the grid scale. The grid
    /// is quadratic (level q stands for q·|q|·scale), fine near zero where most weights lie and coarse in the tail.
    /// </summary>
    private static float Quantise(float[] weights, float pruneBelow)
    {
        var maxAbs = 0f;
        foreach (var w in weights) maxAbs = MathF.Max(maxAbs, MathF.Abs(w));
        var scale = maxAbs > 0 ? maxAbs / (sbyte.MaxValue * sbyte.MaxValue) : 1f;
        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i];
            weights[i] = MathF.Abs(w) < pruneBelow ? 0 : Value(Level(w / scale)) * scale;
        }
        return scale;
    }

    private static sbyte Level(float units) => (sbyte)(MathF.Sign(units) * Math.Min(sbyte.MaxValue, (int)MathF.Round(MathF.Sqrt(MathF.Abs(units)))));

    private static float Value(sbyte level) => level * Math.Abs(level);

    private static SentenceBoundaryModel LoadShipped()
    {
        using var stream = typeof(SentenceBoundaryModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sentence model resource '{ResourceName}' is missing from {typeof(SentenceBoundaryModel).Assembly.GetName().Name}.");
        return Load(stream);
    }
}
