using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Marsad.Analysis.Topics;

/// <summary>
/// A trained topic classifier: hashed-feature IDF table, linear weights quantised to int8 with a per-class scale,
/// and softmax temperatures fitted on held-out data. The in-memory model is exactly what is saved, so a loaded
/// model predicts identically to the one that was trained. Thread-safe for prediction.
/// <para>
/// Internally a model scores finer classes than the labels it reports, in one or more heads over the same
/// features. Outlets file the same story differently (one has no middleEast desk and files Arab-world politics as
/// internationalNews), and a linear model over shared classes cannot express "this outlet's style and this
/// region". The shipped model has two heads. Head 0 has one class per (label, outlet) pair; its probabilities
/// summed per label are one opinion, summed per outlet they say which outlet wrote the text (from style and
/// vocabulary). The outlet-adapted head also has one class per (label, outlet) pair, each the sum of weights
/// shared by all outlets and the outlet's own correction, read as P(label) = sum over outlets of
/// P(outlet) x P(label | outlet). Heads are mixed by weights fitted on dev and each has its own softmax
/// temperature; other layouts (an outlet head, a head of plain labels) are possible. See <see cref="HeadKind"/>.
/// </para>
/// </summary>
public sealed class TopicModel
{
    private const string Magic = "MARSAD-TOPIC";
    private const int FormatVersion = 2;
    private const string ResourceName = "Marsad.Analysis.topic.model";
    private const float IdfStep = 1f / 16;

    private static readonly Lazy<TopicModel> Default = new(LoadEmbedded);

    private readonly string[] _labels;
    private readonly string[] _classes;
    private readonly int[] _classLabel;
    private readonly int[] _headStart;
    private readonly HeadKind[] _headKind;
    private readonly int[] _classOutlet;
    private readonly int _outletCount;
    private readonly double[] _headTemperature;
    private readonly double[] _headWeight;
    private readonly byte[] _idfQuantized;

    /// <summary>Bucket-major int8 weights, <see cref="ClassCount"/> per bucket, padded so a vector load past the last row stays inside.</summary>
    private readonly sbyte[] _weights;
    private readonly float[] _scales;
    private readonly float[] _bias;
    private readonly ThreadLocal<TopicFeaturizer> _featurizer;

    private TopicModel(TopicFeatureSettings settings, string[] labels, string[] classes, int[] classLabel, int[] headStart,
        HeadKind[] headKinds, byte[] idfQuantized, sbyte[] weights, float[] scales, float[] bias, double[] temperatures, double[] headWeights)
    {
        Settings = settings;
        _labels = labels;
        _classes = classes;
        _classLabel = classLabel;
        _headStart = headStart;
        _headKind = headKinds;
        (_classOutlet, _outletCount) = Outlets(classes, headStart, headKinds);
        _headTemperature = temperatures;
        _headWeight = headWeights;
        _idfQuantized = idfQuantized;
        _weights = weights;
        _scales = scales;
        _bias = bias;
        _featurizer = new ThreadLocal<TopicFeaturizer>(() => new TopicFeaturizer(settings));
    }

    /// <summary>
    /// How a head turns its class scores into label probabilities. <see cref="Joint"/>: one softmax over all its
    /// classes, summed per label. <see cref="PerOutlet"/>: its classes are (label, outlet) pairs scored by a model
    /// that knows the outlet; a softmax within each outlet's classes is weighted by head 0's probability of that
    /// outlet. <see cref="Outlet"/> (head 0 only): classes are the outlets themselves (named @outlet, no label);
    /// it gives the outlet probabilities and no label probability. A joint head 0 of label@outlet classes gives
    /// the outlet probabilities as sums of each outlet's classes.
    /// </summary>
    internal enum HeadKind : byte { Joint = 0, PerOutlet = 1, Outlet = 2 }

    /// <summary>Outlet index of each class named label@outlet (outlets of head 0, ordinal order), else -1.</summary>
    private static (int[] ClassOutlet, int Count) Outlets(string[] classes, int[] headStart, HeadKind[] kinds)
    {
        var head0End = headStart.Length > 1 ? headStart[1] : classes.Length;
        var outlets = classes[..head0End].Where(c => c.Contains('@')).Select(OutletOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var classOutlet = classes.Select(c => c.Contains('@') ? Array.BinarySearch(outlets, OutletOf(c), StringComparer.Ordinal) : -1).Select(i => i < 0 ? -1 : i).ToArray();
        if (kinds[0] == HeadKind.PerOutlet) throw new InvalidDataException("The first head cannot be a per-outlet head.");
        for (var h = 0; h < kinds.Length; h++)
        {
            if (kinds[h] == HeadKind.Outlet && h > 0) throw new InvalidDataException("Only the first head can be an outlet head.");
            if (kinds[h] != HeadKind.PerOutlet) continue;
            var end = h + 1 < headStart.Length ? headStart[h + 1] : classes.Length;
            for (var c = headStart[h]; c < end; c++)
                if (classOutlet[c] < 0) throw new InvalidDataException($"Class {classes[c]} of a per-outlet head names no outlet of the first head.");
        }
        return (classOutlet, outlets.Length);
    }

    private static string OutletOf(string className) => className[(className.IndexOf('@') + 1)..];

    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Scores of the first head are divided by this before its softmax; fitted on dev data to minimise log loss.</summary>
    public double Temperature => _headTemperature[0];

    internal TopicFeatureSettings Settings { get; }

    internal int ClassCount => _classes.Length;

    /// <summary>Internal class names: the label, or label@source for source-specific classes.</summary>
    internal IReadOnlyList<string> Classes => _classes;

    /// <summary>Index into <see cref="Labels"/> of each internal class.</summary>
    internal ReadOnlySpan<int> ClassLabel => _classLabel;

    internal int HeadCount => _headTemperature.Length;

    /// <summary>Classes of head h are [HeadStart(h), HeadStart(h + 1)).</summary>
    internal int HeadStart(int head) => head < _headTemperature.Length ? _headStart[head] : _classes.Length;

    internal ReadOnlySpan<double> HeadTemperatures => _headTemperature;

    internal ReadOnlySpan<double> HeadWeights => _headWeight;

    /// <summary>The model shipped inside the assembly, loaded once.</summary>
    public static TopicModel LoadDefault() => Default.Value;

    public TopicPrediction Predict(string title, string body)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        Span<double> scores = stackalloc double[_classes.Length];
        Score(title, body, scores);
        var probabilities = new double[_labels.Length];
        LabelProbabilities(scores, _headTemperature, probabilities);
        var best = 0;
        for (var k = 1; k < probabilities.Length; k++)
            if (probabilities[k] > probabilities[best]) best = k;
        return new TopicPrediction(_labels[best], probabilities[best], new LabelDistribution(_labels, probabilities));
    }

    /// <summary>Raw decision values, one per internal class.</summary>
    internal void Score(string title, string body, Span<double> scores)
    {
        var featurizer = _featurizer.Value!;
        featurizer.Count(title, body);
        Score(featurizer, scores);
    }

    /// <summary>
    /// Raw decision values of a training vector (<see cref="TopicFeaturizer.Vectorize"/> over this model's IDF):
    /// the slow reference that <see cref="Score(string, string, Span{double})"/> must agree with.
    /// </summary>
    internal void Score(SparseRow row, Span<double> scores)
    {
        var k = _classes.Length;
        Span<float> sums = stackalloc float[k];
        sums.Clear();
        for (var i = 0; i < row.Index.Length; i++)
        {
            var w = _weights.AsSpan(row.Index[i] * k, k);
            var v = row.Value[i];
            for (var c = 0; c < k; c++) sums[c] += v * w[c];
        }
        for (var c = 0; c < k; c++) scores[c] = sums[c] * _scales[c] + _bias[c];
    }

    /// <summary>The dequantised IDF table, as training used it.</summary>
    internal float[] Idf()
    {
        var idf = new float[_idfQuantized.Length];
        for (var i = 0; i < idf.Length; i++) idf[i] = _idfQuantized[i] * IdfStep;
        return idf;
    }

    /// <summary>
    /// Scores the features last counted by <paramref name="featurizer"/>: the same vector
    /// <see cref="TopicFeaturizer.Vectorize"/> builds for training (sublinear TF x IDF, per-group then global L2
    /// norm), computed in place. The dot product is linear, so the global norm is applied to the sums at the end,
    /// and two features sharing a bucket only need their cross term in the norm.
    /// </summary>
    private void Score(TopicFeaturizer featurizer, Span<double> scores)
    {
        var keys = featurizer.Keys;
        var counts = featurizer.Counts;
        var n = keys.Length;
        var values = featurizer.Scratch(n);
        var idfQ = _idfQuantized;

        Span<double> groupSq = stackalloc double[TopicFeatureSettings.GroupCount];
        groupSq.Clear();
        var prefetch = Sse.IsSupported;
        for (var i = 0; i < n; i++)
        {
            var key = keys[i];
            var q = idfQ[key >> 3];
            var v = q == 0 ? 0f : TopicFeaturizer.LogTf(counts[i]) * (q * IdfStep);
            values[i] = v;
            groupSq[key & 7] += (double)v * v;
            // The weight rows are scattered over megabytes: ask for them now, while this cheap loop runs, so the
            // dot product below finds them in cache instead of waiting for each in turn.
            if (prefetch && q != 0) Prefetch((key >> 3) * _classes.Length);
        }
        Span<float> groupScale = stackalloc float[TopicFeatureSettings.GroupCount];
        for (var g = 0; g < groupScale.Length; g++)
            groupScale[g] = groupSq[g] > 0 ? (float)(Settings.Weight(g) / Math.Sqrt(groupSq[g])) : 0f;

        var k = _classes.Length;
        Span<float> sums = stackalloc float[k];
        sums.Clear();
        double total = 0;
        if (Vector256.IsHardwareAccelerated)
            total = DotVector(keys, values, groupScale, sums);
        else
        {
            var weights = _weights;
            for (var i = 0; i < n; i++)
            {
                var u = values[i] * groupScale[keys[i] & 7];
                values[i] = u;
                if (u == 0f) continue;
                total += (double)u * u;
                var w = weights.AsSpan((keys[i] >> 3) * k, k);
                for (var c = 0; c < k; c++) sums[c] += u * w[c];
            }
        }
        var collisions = featurizer.Collisions;
        for (var p = 0; p < collisions.Length; p += 2) total += 2.0 * values[collisions[p]] * values[collisions[p + 1]];
        var norm = total > 0 ? (float)(1 / Math.Sqrt(total)) : 0f;
        for (var c = 0; c < k; c++) scores[c] = sums[c] * norm * _scales[c] + _bias[c];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe void Prefetch(int offset)
    {
        var row = (byte*)Unsafe.AsPointer(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights), offset)));
        Sse.Prefetch0(row);
        Sse.Prefetch0(row + _classes.Length - 1);
    }

    /// <summary>
    /// Scales each value by its group's factor (in place) and adds value x weight row to the class sums, 32
    /// classes per vector load (four multiply-adds); returns the sum of squared values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double DotVector(ReadOnlySpan<int> keys, float[] values, ReadOnlySpan<float> groupScale, Span<float> sums)
    {
        var k = _classes.Length;
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        var chunks = (k + Vector256<sbyte>.Count - 1) / Vector256<sbyte>.Count;
        Span<Vector256<float>> acc = stackalloc Vector256<float>[chunks * 4];
        acc.Clear();
        double total = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            var u = values[i] * groupScale[key & 7];
            values[i] = u;
            if (u == 0f) continue;
            total += (double)u * u;
            var scale = Vector256.Create(u);
            var offset = (nuint)((key >> 3) * k);
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                var row = Vector256.LoadUnsafe(ref weights, offset + (nuint)(chunk * Vector256<sbyte>.Count));
                var (lo, hi) = Vector256.Widen(row);
                var (w0, w1) = Vector256.Widen(lo);
                var (w2, w3) = Vector256.Widen(hi);
                var a = acc.Slice(chunk * 4, 4);
                a[0] += Vector256.ConvertToSingle(w0) * scale;
                a[1] += Vector256.ConvertToSingle(w1) * scale;
                a[2] += Vector256.ConvertToSingle(w2) * scale;
                a[3] += Vector256.ConvertToSingle(w3) * scale;
            }
        }
        Span<float> all = stackalloc float[chunks * Vector256<sbyte>.Count];
        for (var j = 0; j < acc.Length; j++) acc[j].CopyTo(all[(j * Vector256<float>.Count)..]);
        all[..k].CopyTo(sums);
        return total;
    }

    /// <summary>Each head's label probabilities (see <see cref="HeadKind"/>), mixed by head weight.</summary>
    internal void LabelProbabilities(ReadOnlySpan<double> scores, ReadOnlySpan<double> temperatures, Span<double> probabilities)
    {
        Span<double> outlets = stackalloc double[_outletCount];
        Span<double> head = stackalloc double[_labels.Length];
        probabilities.Clear();
        for (var h = 0; h < _headTemperature.Length; h++)
        {
            HeadLabelProbabilities(h, scores, temperatures, head, outlets);
            var weight = _headWeight[h];
            for (var l = 0; l < head.Length; l++) probabilities[l] += weight * head[l];
        }
    }

    internal HeadKind KindOf(int head) => _headKind[head];

    /// <summary>Head 0's probability of each outlet (<see cref="OutletNames"/> order) at the given temperature.</summary>
    internal void OutletProbabilities(ReadOnlySpan<double> scores, double temperature, Span<double> outlets)
    {
        Span<double> t = stackalloc double[HeadCount];
        t[0] = temperature;
        Span<double> labels = stackalloc double[_labels.Length];
        HeadLabelProbabilities(0, scores, t, labels, outlets);
    }

    /// <summary>The outlets head 0 knows, in the order of <see cref="OutletProbabilities"/>.</summary>
    internal IReadOnlyList<string> OutletNames =>
        _classes.Where((c, i) => _classOutlet[i] >= 0 && i < HeadStart(1)).Select(OutletOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Label probabilities of one head alone.</summary>
    internal void HeadLabelProbabilities(int head, ReadOnlySpan<double> scores, ReadOnlySpan<double> temperatures, Span<double> probabilities)
    {
        Span<double> outlets = stackalloc double[_outletCount];
        Span<double> first = stackalloc double[_labels.Length];
        if (head > 0 && _headKind[head] == HeadKind.PerOutlet) HeadLabelProbabilities(0, scores, temperatures, first, outlets);
        HeadLabelProbabilities(head, scores, temperatures, probabilities, outlets);
    }

    /// <summary>
    /// Label probabilities of head <paramref name="head"/>. Head 0 also writes its outlet probabilities to
    /// <paramref name="outlets"/>, which per-outlet heads (always after it) read.
    /// </summary>
    private void HeadLabelProbabilities(int head, ReadOnlySpan<double> scores, ReadOnlySpan<double> temperatures, Span<double> probabilities, Span<double> outlets)
    {
        var start = HeadStart(head);
        var end = HeadStart(head + 1);
        var temperature = temperatures[head];
        Span<double> p = stackalloc double[end - start];
        probabilities.Clear();
        if (_headKind[head] != HeadKind.PerOutlet)
        {
            Softmax(scores[start..end], temperature, p);
            if (head == 0) outlets.Clear();
            for (var c = start; c < end; c++)
            {
                if (_classLabel[c] >= 0) probabilities[_classLabel[c]] += p[c - start];
                if (head == 0 && _classOutlet[c] >= 0) outlets[_classOutlet[c]] += p[c - start];
            }
            return;
        }
        for (var g = 0; g < outlets.Length; g++)
        {
            var max = double.NegativeInfinity;
            for (var c = start; c < end; c++)
                if (_classOutlet[c] == g) max = Math.Max(max, scores[c]);
            if (double.IsNegativeInfinity(max)) continue;
            double sum = 0;
            for (var c = start; c < end; c++)
                if (_classOutlet[c] == g) sum += p[c - start] = Math.Exp((scores[c] - max) / temperature);
            var share = outlets[g] / sum;
            for (var c = start; c < end; c++)
                if (_classOutlet[c] == g) probabilities[_classLabel[c]] += share * p[c - start];
        }
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

    /// <summary>Sets each head's temperature and mixture weight (weights are normalised to sum to 1).</summary>
    internal void SetCalibration(ReadOnlySpan<double> temperatures, ReadOnlySpan<double> weights)
    {
        if (temperatures.Length != HeadCount || weights.Length != HeadCount) throw new ArgumentException("One temperature and weight per head.");
        double sum = 0;
        foreach (var w in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(w);
            sum += w;
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sum);
        for (var h = 0; h < HeadCount; h++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperatures[h]);
            _headTemperature[h] = temperatures[h];
            _headWeight[h] = weights[h] / sum;
        }
    }

    /// <summary>
    /// Quantises trained float weights (one array per class, bias at the end) and the IDF table into a model.
    /// Weights below <paramref name="pruneFraction"/> of the class's largest magnitude become zero. Classes of a
    /// head are contiguous; <paramref name="headStart"/> gives the first class of each head.
    /// </summary>
    internal static TopicModel FromTraining(TopicFeatureSettings settings, string[] labels, string[] classes,
        int[] classLabel, int[] headStart, HeadKind[] headKinds, float[] idf, float[][] classWeights, double pruneFraction)
    {
        var dim = settings.Buckets;
        var k = classes.Length;
        var idfQ = new byte[dim];
        for (var i = 0; i < dim; i++) idfQ[i] = QuantizeIdf(idf[i]);
        var weights = NewWeights(dim, k);
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
        var heads = headStart.Length;
        return new TopicModel(settings, labels, classes, classLabel, headStart, headKinds, idfQ, weights, scales, bias,
            Enumerable.Repeat(1.0, heads).ToArray(), Enumerable.Repeat(1.0 / heads, heads).ToArray());
    }

    private static sbyte[] NewWeights(int dim, int k) =>
        (long)dim * k + k + Vector256<sbyte>.Count > int.MaxValue
            ? throw new ArgumentException("Too many buckets.")
            : new sbyte[dim * k + k + Vector256<sbyte>.Count];

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
        w.Write(HeadCount);
        for (var h = 0; h < HeadCount; h++)
        {
            w.Write(_headStart[h]);
            w.Write((byte)_headKind[h]);
            w.Write(_headTemperature[h]);
            w.Write(_headWeight[h]);
        }
        for (var c = 0; c < _classes.Length; c++) { w.Write(_scales[c]); w.Write(_bias[c]); }
        w.Write(_idfQuantized);
        // Weights only for buckets seen in training: the others are zero by construction.
        var k = _classes.Length;
        for (var i = 0; i < _idfQuantized.Length; i++)
        {
            if (_idfQuantized[i] == 0) continue;
            w.Write(MemoryMarshal.AsBytes(_weights.AsSpan(i * k, k)));
        }
    }

    /// <summary>Reads a saved model; version 1 files (one head) still load.</summary>
    public static TopicModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var z = new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(z, Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != Magic) throw new InvalidDataException("Not a Marsad topic model.");
        var version = r.ReadInt32();
        if (version is not (1 or FormatVersion)) throw new InvalidDataException($"Unsupported topic model version {version}.");
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
            var outletClass = classes[c].StartsWith('@');
            if (outletClass ? classLabel[c] != -1 : (uint)classLabel[c] >= (uint)labelCount)
                throw new InvalidDataException($"Class {classes[c]} has no label.");
        }
        int[] headStart;
        HeadKind[] headKinds;
        double[] temperatures, headWeights;
        if (version == 1)
        {
            headStart = [0];
            headKinds = [HeadKind.Joint];
            temperatures = [r.ReadDouble()];
            headWeights = [1.0];
        }
        else
        {
            var heads = r.ReadInt32();
            if (heads < 1 || heads > k) throw new InvalidDataException($"Bad head count {heads}.");
            headStart = new int[heads];
            headKinds = new HeadKind[heads];
            temperatures = new double[heads];
            headWeights = new double[heads];
            for (var h = 0; h < heads; h++)
            {
                headStart[h] = r.ReadInt32();
                headKinds[h] = (HeadKind)r.ReadByte();
                if (headKinds[h] is not (HeadKind.Joint or HeadKind.PerOutlet or HeadKind.Outlet)) throw new InvalidDataException("Bad head kind.");
                temperatures[h] = r.ReadDouble();
                headWeights[h] = r.ReadDouble();
                if (headStart[h] >= k || (h == 0 ? headStart[h] != 0 : headStart[h] <= headStart[h - 1]))
                    throw new InvalidDataException("Bad head layout.");
                if (!(temperatures[h] > 0) || !(headWeights[h] >= 0)) throw new InvalidDataException("Bad head calibration.");
            }
        }
        var scales = new float[k];
        var bias = new float[k];
        for (var c = 0; c < k; c++) { scales[c] = r.ReadSingle(); bias[c] = r.ReadSingle(); }
        var dim = settings.Buckets;
        var idfQ = ReadExactly(r, dim);
        var weights = NewWeights(dim, k);
        var bytes = MemoryMarshal.AsBytes(weights.AsSpan());
        for (var i = 0; i < dim; i++)
        {
            if (idfQ[i] == 0) continue;
            if (r.Read(bytes.Slice(i * k, k)) is var read && read != k) ReadRest(r, bytes.Slice(i * k + read, k - read));
        }
        return new TopicModel(settings, labels, classes, classLabel, headStart, headKinds, idfQ, weights, scales, bias, temperatures, headWeights);
    }

    private static void ReadRest(BinaryReader r, Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var read = r.Read(destination);
            if (read == 0) throw new InvalidDataException("Truncated topic model.");
            destination = destination[read..];
        }
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

    /// <summary>Label probabilities as a read-only dictionary over the model's label array, in label order.</summary>
    private sealed class LabelDistribution(string[] labels, double[] values) : IReadOnlyDictionary<string, double>
    {
        public double this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public IEnumerable<string> Keys => labels;

        public IEnumerable<double> Values => values;

        public int Count => labels.Length;

        public bool ContainsKey(string key) => Array.IndexOf(labels, key) >= 0;

        public bool TryGetValue(string key, out double value)
        {
            var i = Array.IndexOf(labels, key);
            value = i >= 0 ? values[i] : 0;
            return i >= 0;
        }

        public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
        {
            for (var i = 0; i < labels.Length; i++) yield return new(labels[i], values[i]);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
