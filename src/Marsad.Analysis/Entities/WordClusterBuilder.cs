using System.Numerics;

namespace Marsad.Analysis.Entities;

/// <summary>
/// Induces hierarchical word clusters from unlabelled text, a cheap stand-in for Brown clusters: each frequent
/// word gets a vector of positive PMI with its left and right neighbours, randomly projected to a few dozen
/// dimensions, and the vectors are split recursively by spherical k-means. A word's leaf number, read in
/// base <see cref="Branching"/>, is its path in the tree, so prefixes of it behave like Brown bit-string prefixes.
/// </summary>
internal static class WordClusterBuilder
{
    public const int Branching = 8;
    public const int Depth = 4;

    public static Dictionary<string, int> Build(IEnumerable<List<string>> sentences, int vocabularySize, int contextSize, int dimensions, int seed)
    {
        // Pass 1: intern every word and keep the corpus as an id stream (-1 = sentence boundary).
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        var stream = new List<int>(1 << 24);
        foreach (var sentence in sentences)
        {
            foreach (var w in sentence)
            {
                if (!ids.TryGetValue(w, out var id))
                {
                    id = ids.Count;
                    ids.Add(w, id);
                    counts.Add(0);
                }
                counts[id]++;
                stream.Add(id);
            }
            stream.Add(-1);
        }

        var byFrequency = Enumerable.Range(0, counts.Count)
            .OrderByDescending(i => counts[i]).ThenBy(i => i).ToArray();
        var vocab = Math.Min(vocabularySize, byFrequency.Length);
        while (vocab > 0 && counts[byFrequency[vocab - 1]] < 3) vocab--;
        var contexts = Math.Min(contextSize, vocab);
        var rowOf = new int[counts.Count];
        Array.Fill(rowOf, -1);
        for (var r = 0; r < vocab; r++) rowOf[byFrequency[r]] = r;

        // Context columns: the most frequent words on each side plus a boundary marker per side.
        var width = 2 * (contexts + 1);
        var matrix = new int[(long)vocab * width];
        for (var i = 0; i < stream.Count; i++)
        {
            var w = stream[i];
            if (w < 0) continue;
            var row = rowOf[w];
            if (row < 0) continue;
            var left = i > 0 ? stream[i - 1] : -1;
            var right = i + 1 < stream.Count ? stream[i + 1] : -1;
            var lc = left < 0 ? contexts : rowOf[left];
            var rc = right < 0 ? contexts : rowOf[right];
            var baseIndex = (long)row * width;
            if (lc >= 0 && lc <= contexts) matrix[baseIndex + lc]++;
            if (rc >= 0 && rc <= contexts) matrix[baseIndex + contexts + 1 + rc]++;
        }
        stream.Clear();

        var vectors = Project(matrix, vocab, width, dimensions, seed);
        var leaves = new int[vocab];
        var members = Enumerable.Range(0, vocab).ToArray();
        var rng = new Random(seed);
        Split(vectors, dimensions, members, 0, leaves, rng);

        var result = new Dictionary<string, int>(vocab, StringComparer.Ordinal);
        foreach (var (word, id) in ids)
        {
            var row = rowOf[id];
            if (row >= 0) result[word] = leaves[row];
        }
        return result;
    }

    private static float[] Project(int[] matrix, int rows, int width, int dimensions, int seed)
    {
        var colSum = new double[width];
        var rowSum = new double[rows];
        double total = 0;
        for (var r = 0; r < rows; r++)
        {
            var b = (long)r * width;
            for (var c = 0; c < width; c++)
            {
                var v = matrix[b + c];
                colSum[c] += v;
                rowSum[r] += v;
            }
            total += rowSum[r];
        }
        // Context distribution smoothing (exponent 0.75) tempers PMI's bias towards rare contexts.
        var smoothed = new double[width];
        double smoothedTotal = 0;
        for (var c = 0; c < width; c++) smoothedTotal += smoothed[c] = Math.Pow(colSum[c], 0.75);

        var rng = new Random(seed ^ 0x5bd1e995);
        var projection = new float[width * dimensions];
        for (var i = 0; i < projection.Length; i++) projection[i] = rng.Next(2) == 0 ? -1f : 1f;

        var vectors = new float[rows * dimensions];
        for (var r = 0; r < rows; r++)
        {
            if (rowSum[r] == 0) continue;
            var b = (long)r * width;
            var target = vectors.AsSpan(r * dimensions, dimensions);
            for (var c = 0; c < width; c++)
            {
                var v = matrix[b + c];
                if (v == 0) continue;
                var pmi = Math.Log(v * smoothedTotal / (rowSum[r] * smoothed[c]));
                if (pmi <= 0) continue;
                Axpy((float)pmi, projection.AsSpan(c * dimensions, dimensions), target);
            }
            Normalize(target);
        }
        return vectors;
    }

    private static void Split(float[] vectors, int dim, int[] members, int level, int[] leaves, Random rng)
    {
        if (level == Depth) return;
        var k = Branching;
        var assignment = new int[members.Length];
        if (members.Length <= k)
        {
            for (var i = 0; i < members.Length; i++) assignment[i] = i;
        }
        else
        {
            KMeans(vectors, dim, members, k, assignment, rng);
        }
        var shift = 3 * (Depth - 1 - level);
        var groups = new List<int>[k];
        for (var g = 0; g < k; g++) groups[g] = [];
        for (var i = 0; i < members.Length; i++)
        {
            leaves[members[i]] |= assignment[i] << shift;
            groups[assignment[i]].Add(members[i]);
        }
        foreach (var g in groups)
            if (g.Count > 0) Split(vectors, dim, g.ToArray(), level + 1, leaves, rng);
    }

    private static void KMeans(float[] vectors, int dim, int[] members, int k, int[] assignment, Random rng)
    {
        var centroids = new float[k * dim];
        // k-means++ style seeding on cosine distance gives far better splits than random seeds at depth 1.
        var first = members[rng.Next(members.Length)];
        vectors.AsSpan(first * dim, dim).CopyTo(centroids.AsSpan(0, dim));
        var best = new float[members.Length];
        Array.Fill(best, float.MaxValue);
        for (var c = 1; c < k; c++)
        {
            double sum = 0;
            for (var i = 0; i < members.Length; i++)
            {
                var d = 1f - Dot(vectors.AsSpan(members[i] * dim, dim), centroids.AsSpan((c - 1) * dim, dim));
                if (d < best[i]) best[i] = d;
                sum += Math.Max(best[i], 0);
            }
            var target = rng.NextDouble() * sum;
            var chosen = members.Length - 1;
            for (var i = 0; i < members.Length; i++)
            {
                target -= Math.Max(best[i], 0);
                if (target <= 0) { chosen = i; break; }
            }
            vectors.AsSpan(members[chosen] * dim, dim).CopyTo(centroids.AsSpan(c * dim, dim));
        }

        for (var iter = 0; iter < 12; iter++)
        {
            var changed = 0;
            for (var i = 0; i < members.Length; i++)
            {
                var v = vectors.AsSpan(members[i] * dim, dim);
                var arg = 0;
                var top = float.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    var s = Dot(v, centroids.AsSpan(c * dim, dim));
                    if (s > top) { top = s; arg = c; }
                }
                if (iter == 0 || assignment[i] != arg) changed++;
                assignment[i] = arg;
            }
            if (changed == 0) break;
            Array.Clear(centroids);
            for (var i = 0; i < members.Length; i++)
                Axpy(1f, vectors.AsSpan(members[i] * dim, dim), centroids.AsSpan(assignment[i] * dim, dim));
            for (var c = 0; c < k; c++) Normalize(centroids.AsSpan(c * dim, dim));
        }
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var s = Vector.Sum(sum);
        for (; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        var i = 0;
        var va = new Vector<float>(alpha);
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            (new Vector<float>(y[i..]) + va * new Vector<float>(x[i..])).CopyTo(y[i..]);
        for (; i < x.Length; i++) y[i] += alpha * x[i];
    }

    private static void Normalize(Span<float> v)
    {
        var n = MathF.Sqrt(Dot(v, v));
        if (n == 0) return;
        for (var i = 0; i < v.Length; i++) v[i] /= n;
    }
}
