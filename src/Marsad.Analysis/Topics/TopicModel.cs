using System.IO.Compression;
using System.Text;

namespace Marsad.Analysis.Topics;

/// <summary>
/// A trained topic classifier: hashed-feature IDF table, one-vs-rest linear weights quantised to int8 with a
/// per-class scale, and a softmax temperature fitted on held-out data. The in-memory model is exactly what is
/// saved, so a loaded model predicts identically to the one that was trained. Thread-safe for prediction.
/// <para>
/// Internally a model may score finer classes than the labels it reports: with source-specific classes each
/// (label, outlet) pair is its own class, and a label's probability is the sum over its classes. Outlets file
/// the same story differently (one has no middleEast desk and files Arab-world politics as internationalNews),
/// and a linear model over shared classes cannot express "this outlet's style and this region".
/// </para>
/// </summary>
public sealed class TopicModel
{
    private const string Magic = "MARSAD-TOPIC";
    private const int FormatVersion = 1;
    private const string ResourceName = "Marsad.Analysis.topic.model";
    private const float IdfStep = 1f / 16;

    private static readonly Lazy<TopicModel> Default = new(LoadEmbedded);

    private readonly string[] _labels;
    private readonly string[] _classes;
    private readonly int[] _classLabel;
    private readonly byte[] _idfQuantized;
    private readonly float[] _idf;
    private readonly sbyte[] _weights;
    private readonly float[] _scales;
    private readonly float[] _bias;
    private readonly ThreadLocal<TopicFeaturizer> _featurizer;

    private TopicModel(TopicFeatureSettings settings, string[] labels, string[] classes, int[] classLabel,
        byte[] idfQuantized, sbyte[] weights, float[] scales, float[] bias, double temperature)
    {
        Settings = settings;
        _labels = labels;
        _classes = classes;
        _classLabel = classLabel;
        _idfQuantized = idfQuantized;
        _idf = new float[idfQuantized.Length];
        for (var i = 0; i < _idf.Length; i++) _idf[i] = idfQuantized[i] * IdfStep;
        _weights = weights;
        _scales = scales;
        _bias = bias;
        Temperature = temperature;
        _featurizer = new ThreadLocal<TopicFeaturizer>(() => new TopicFeaturizer(settings));
    }

    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Scores are divided by this before the softmax; fitted on dev data to minimise log loss.</summary>
    public double Temperature { get; private set; }

    internal TopicFeatureSettings Settings { get; }

    internal int ClassCount => _classes.Length;

    /// <summary>Index into <see cref="Labels"/> of each internal class.</summary>
    internal ReadOnlySpan<int> ClassLabel => _classLabel;

    /// <summary>The model shipped inside the assembly, loaded once.</summary>
    public static TopicModel LoadDefault() => Default.Value;

    public TopicPrediction Predict(string title, string body)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        Span<double> scores = stackalloc double[_classes.Length];
        Score(title, body, scores);
        var probabilities = new double[_labels.Length];
        LabelProbabilities(scores, Temperature, probabilities);
        var best = 0;
        for (var k = 1; k < probabilities.Length; k++)
            if (probabilities[k] > probabilities[best]) best = k;
        var map = new Dictionary<string, double>(_labels.Length, StringComparer.Ordinal);
        for (var k = 0; k < _labels.Length; k++) map[_labels[k]] = probabilities[k];
        return new TopicPrediction(_labels[best], probabilities[best], map);
    }

    /// <summary>Raw one-vs-rest decision values, one per internal class.</summary>
    internal void Score(string title, string body, Span<double> scores)
    {
        var (keys, tf) = _featurizer.Value!.Extract(title, body);
        var (index, value) = TopicFeaturizer.Vectorize(keys, tf, _idf, Settings);
        Score(new SparseRow(index, value), scores);
    }

    internal void Score(SparseRow row, Span<double> scores)
    {
        var k = _classes.Length;
        Span<float> sums = stackalloc float[k];
        sums.Clear();
        var idx = row.Index;
        var val = row.Value;
        for (var i = 0; i < idx.Length; i++)
        {
            var w = _weights.AsSpan(idx[i] * k, k);
            var v = val[i];
            for (var c = 0; c < k; c++) sums[c] += v * w[c];
        }
        for (var c = 0; c < k; c++) scores[c] = sums[c] * _scales[c] + _bias[c];
    }

    /// <summary>Softmax over class scores, summed into the labels the classes belong to.</summary>
    internal void LabelProbabilities(ReadOnlySpan<double> scores, double temperature, Span<double> probabilities)
    {
        Span<double> classProbabilities = stackalloc double[scores.Length];
        Softmax(scores, temperature, classProbabilities);
        probabilities.Clear();
        for (var c = 0; c < scores.Length; c++) probabilities[_classLabel[c]] += classProbabilities[c];
    }

    internal static void Softmax(ReadOnlySpan<double> scores, double temperature, Span<double> probabilities)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores) max = Math.Max(max, s);
        double sum = 0;
        for (var c = 0; c < scores.Length; c++)
        {
            probabilities[c] = Math.Exp((scores[c] - max) / temperature);
            sum += probabilities[c];
        }
        for (var c = 0; c < scores.Length; c++) probabilities[c] /= sum;
    }

    internal void SetTemperature(double temperature)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        Temperature = temperature;
    }

    /// <summary>
    /// Quantises trained float weights (one array per class, bias at the end) and the IDF table into a model.
    /// Weights below <paramref name="pruneFraction"/> of the class's largest magnitude become zero.
    /// </summary>
    internal static TopicModel FromTraining(TopicFeatureSettings settings, string[] labels, string[] classes,
        int[] classLabel, float[] idf, float[][] classWeights, double pruneFraction)
    {
        var dim = settings.Buckets;
        var k = classes.Length;
        var idfQ = new byte[dim];
        for (var i = 0; i < dim; i++) idfQ[i] = QuantizeIdf(idf[i]);
        var weights = new sbyte[(long)dim * k > int.MaxValue ? throw new ArgumentException("Too many buckets.") : dim * k];
        var scales = new float[k];
        var bias = new float[k];
        for (var c = 0; c < k; c++)
        {
            var w = classWeights[c];
            float max = 0;
            for (var i = 0; i < dim; i++) max = Math.Max(max, Math.Abs(w[i]));
            var scale = max > 0 ? max / 127f : 1f;
            var floor = (float)(pruneFraction * max);
            for (var i = 0; i < dim; i++)
            {
                var x = w[i];
                weights[i * k + c] = Math.Abs(x) < floor ? (sbyte)0 : (sbyte)Math.Clamp(MathF.Round(x / scale), -127, 127);
            }
            scales[c] = scale;
            bias[c] = w[dim];
        }
        return new TopicModel(settings, labels, classes, classLabel, idfQ, weights, scales, bias, 1.0);
    }

    /// <summary>IDF in steps of 1/16; 0 is reserved for buckets never seen in training.</summary>
    internal static byte QuantizeIdf(float idf) =>
        idf <= 0 ? (byte)0 : (byte)Math.Clamp(MathF.Round(idf / IdfStep), 1, 255);

    /// <summary>Dequantised IDF table, used by the trainer so training vectors match prediction vectors.</summary>
    internal static float[] DequantizeIdf(float[] idf)
    {
        var result = new float[idf.Length];
        for (var i = 0; i < idf.Length; i++) result[i] = QuantizeIdf(idf[i]) * IdfStep;
        return result;
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var z = new ZLibStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(z, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        var s = Settings;
        w.Write(s.HashBits);
        w.Write(s.WordWeight); w.Write(s.StemWeight); w.Write(s.BigramWeight);
        w.Write(s.CharWeight); w.Write(s.TitleWeight); w.Write(s.GeoWeight); w.Write(s.StyleWeight); w.Write(s.LeadWeight); w.Write(s.LeadTokens);
        w.Write(s.MinCharGram); w.Write(s.MaxCharGram);
        w.Write(_labels.Length);
        foreach (var label in _labels) w.Write(label);
        w.Write(_classes.Length);
        for (var c = 0; c < _classes.Length; c++) { w.Write(_classes[c]); w.Write(_classLabel[c]); }
        w.Write(Temperature);
        for (var c = 0; c < _classes.Length; c++) { w.Write(_scales[c]); w.Write(_bias[c]); }
        w.Write(_idfQuantized);
        // Weights only for buckets seen in training: the others are zero by construction.
        var k = _classes.Length;
        for (var i = 0; i < _idfQuantized.Length; i++)
        {
            if (_idfQuantized[i] == 0) continue;
            for (var c = 0; c < k; c++) w.Write(_weights[i * k + c]);
        }
    }

    public static TopicModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var z = new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(z, Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != Magic) throw new InvalidDataException("Not a Marsad topic model.");
        var version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"Unsupported topic model version {version}.");
        var hashBits = r.ReadInt32();
        if (hashBits is < 10 or > 24) throw new InvalidDataException($"Bad hash size 2^{hashBits}.");
        var settings = new TopicFeatureSettings(hashBits, r.ReadSingle(), r.ReadSingle(), r.ReadSingle(),
            r.ReadSingle(), r.ReadSingle(), r.ReadSingle(), r.ReadSingle(), r.ReadSingle(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        var labelCount = r.ReadInt32();
        if (labelCount is < 2 or > 1000) throw new InvalidDataException($"Bad label count {labelCount}.");
        var labels = new string[labelCount];
        for (var c = 0; c < labelCount; c++) labels[c] = r.ReadString();
        var k = r.ReadInt32();
        if (k < labelCount || k > 10000) throw new InvalidDataException($"Bad class count {k}.");
        var classes = new string[k];
        var classLabel = new int[k];
        for (var c = 0; c < k; c++)
        {
            classes[c] = r.ReadString();
            classLabel[c] = r.ReadInt32();
            if ((uint)classLabel[c] >= (uint)labelCount) throw new InvalidDataException($"Class {classes[c]} has no label.");
        }
        var temperature = r.ReadDouble();
        var scales = new float[k];
        var bias = new float[k];
        for (var c = 0; c < k; c++) { scales[c] = r.ReadSingle(); bias[c] = r.ReadSingle(); }
        var dim = settings.Buckets;
        var idfQ = ReadExactly(r, dim);
        var weights = new sbyte[dim * k];
        for (var i = 0; i < dim; i++)
        {
            if (idfQ[i] == 0) continue;
            var row = ReadExactly(r, k);
            for (var c = 0; c < k; c++) weights[i * k + c] = (sbyte)row[c];
        }
        return new TopicModel(settings, labels, classes, classLabel, idfQ, weights, scales, bias, temperature);
    }

    private static byte[] ReadExactly(BinaryReader r, int count)
    {
        var bytes = r.ReadBytes(count);
        if (bytes.Length != count) throw new InvalidDataException("Truncated topic model.");
        return bytes;
    }

    private static TopicModel LoadEmbedded()
    {
        using var stream = typeof(TopicModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded topic model '{ResourceName}' is missing from the assembly.");
        return Load(stream);
    }
}
