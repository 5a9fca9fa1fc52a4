namespace Marsad.Analysis.Sentences;

/// <summary>
/// Distributional word classes learned from the training bodies: every frequent word is described by the words
/// seen just before and just after it (and by how often a sentence ends on either side of it), and spherical
/// k-means groups words with similar neighbourhoods. A class feature lets the boundary model generalise from a
/// word it saw often to related words it saw rarely.
/// </summary>
internal sealed class WordClusters
{
    /// <summary>The class of a word outside the vocabulary is <see cref="Count"/> plus its shape kind.</summary>
    private readonly Dictionary<ulong, ushort> _classes;

    public WordClusters(Dictionary<ulong, ushort> classes, int count)
    {
        _classes = classes;
        Count = count;
    }

    public static WordClusters Empty { get; } = new([], 0);

    public int Count { get; }

    public int VocabularySize => _classes.Count;

    public ulong ClassOf(ulong word, ulong shape) =>
        _classes.TryGetValue(word, out var c) ? c : (ulong)Count + 1 + (shape >> 3);

    /// <summary>
    /// Learns <paramref name="classes"/> classes for the <paramref name="vocabulary"/> most frequent words of a word
    /// stream, in which <c>0</c> separates bodies and <paramref name="boundaryAfter"/> marks words that end a sentence.
    /// Deterministic: ties and the initial centroids follow frequency rank and hash order.
    /// </summary>
    public static WordClusters Learn(List<ulong> stream, List<bool> boundaryAfter, int vocabulary, int contexts, int classes, int iterations)
    {
        var frequency = new Dictionary<ulong, int>();
        foreach (var w in stream)
        {
            if (w != 0) frequency[w] = frequency.GetValueOrDefault(w) + 1;
        }
        var ranked = new List<KeyValuePair<ulong, int>>(frequency);
        ranked.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        var v = Math.Min(vocabulary, ranked.Count);
        var c = Math.Min(contexts, ranked.Count);
        if (v < classes) return Empty;
        var vocabIndex = new Dictionary<ulong, int>(v);
        for (var i = 0; i < v; i++) vocabIndex[ranked[i].Key] = i;

        // Dimensions: left neighbour among the top contexts, right neighbour likewise, then "a sentence ends
        // before this word" and "a sentence ends after it".
        var dims = 2 * c + 2;
        var counts = new float[v * dims];
        for (var i = 0; i < stream.Count; i++)
        {
            var w = stream[i];
            if (w == 0 || !vocabIndex.TryGetValue(w, out var row)) continue;
            var at = row * dims;
            var left = i > 0 ? stream[i - 1] : 0;
            var right = i + 1 < stream.Count ? stream[i + 1] : 0;
            if (left != 0 && vocabIndex.TryGetValue(left, out var l) && l < c) counts[at + l]++;
            if (right != 0 && vocabIndex.TryGetValue(right, out var r) && r < c) counts[at + c + r]++;
            if (left == 0 || boundaryAfter[i - 1]) counts[at + 2 * c]++;
            if (right == 0 || boundaryAfter[i]) counts[at + 2 * c + 1]++;
        }

        // Hellinger-style embedding: square roots of the neighbour distributions, each row scaled to unit length.
        var vectors = new (int Dim, float Value)[v][];
        var scratch = new List<(int, float)>();
        for (var row = 0; row < v; row++)
        {
            scratch.Clear();
            var norm = 0.0;
            for (var d = 0; d < dims; d++)
            {
                var x = counts[row * dims + d];
                if (x == 0) continue;
                var s = MathF.Sqrt(x);
                scratch.Add((d, s));
                norm += x;
            }
            var inv = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
            var vector = new (int, float)[scratch.Count];
            for (var j = 0; j < vector.Length; j++) vector[j] = (scratch[j].Item1, scratch[j].Item2 * inv);
            vectors[row] = vector;
        }

        var centroids = new float[classes * dims];
        for (var k = 0; k < classes; k++)
        {
            foreach (var (d, x) in vectors[(int)((long)k * v / classes)]) centroids[k * dims + d] = x;
        }
        var assignment = new int[v];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            for (var row = 0; row < v; row++)
            {
                var best = 0;
                var bestScore = float.NegativeInfinity;
                var vector = vectors[row];
                for (var k = 0; k < classes; k++)
                {
                    var offset = k * dims;
                    var score = 0f;
                    foreach (var (d, x) in vector) score += x * centroids[offset + d];
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = k;
                    }
                }
                assignment[row] = best;
            }
            Array.Clear(centroids);
            for (var row = 0; row < v; row++)
            {
                var offset = assignment[row] * dims;
                foreach (var (d, x) in vectors[row]) centroids[offset + d] += x;
            }
            for (var k = 0; k < classes; k++)
            {
                var offset = k * dims;
                var norm = 0f;
                for (var d = 0; d < dims; d++) norm += centroids[offset + d] * centroids[offset + d];
                if (norm == 0) continue;
                var inv = 1 / MathF.Sqrt(norm);
                for (var d = 0; d < dims; d++) centroids[offset + d] *= inv;
            }
        }

        var map = new Dictionary<ulong, ushort>(v);
        for (var row = 0; row < v; row++) map[ranked[row].Key] = (ushort)assignment[row];
        return new WordClusters(map, classes);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Count);
        writer.Write(_classes.Count);
        var words = new List<ulong>(_classes.Keys);
        words.Sort();
        var previous = 0UL;
        foreach (var w in words)
        {
            writer.Write(w - previous);
            writer.Write(_classes[w]);
            previous = w;
        }
    }

    public static WordClusters Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var size = reader.ReadInt32();
        if (count is < 0 or > ushort.MaxValue || size < 0) throw new InvalidDataException("Sentence model word classes are corrupt.");
        var map = new Dictionary<ulong, ushort>(size);
        var word = 0UL;
        for (var i = 0; i < size; i++)
        {
            word += reader.ReadUInt64();
            var c = reader.ReadUInt16();
            if (c >= count) throw new InvalidDataException("Sentence model word class out of range.");
            map[word] = c;
        }
        return new WordClusters(map, count);
    }
}
