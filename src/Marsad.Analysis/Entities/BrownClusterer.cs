namespace Marsad.Analysis.Entities;

/// <summary>
/// Brown clustering (Brown et al. 1992) in the windowed exact-merge form of Liang (2005): words enter by falling
/// frequency, <c>C</c> clusters are kept active, each new word arrives as a cluster of its own and the pair of
/// clusters whose merge loses the least average mutual information between adjacent clusters is merged. When every
/// word is in, the last <c>C</c> clusters are merged the same way into a binary tree, and a word's bit string is the
/// path to its cluster (0 for the cluster that survives a merge, 1 for the one merged into it).
/// </summary>
/// <remarks>
/// With f(x) = x ln x, N times the mutual information of the bigram table n is Σ f(n(c,d)) − Σ f(left margin) −
/// Σ f(right margin) + f(N), so every quantity is a sum of f over integer counts (a table lookup, no logarithm).
/// For each active pair the loss of merging it is stored with S(i,j), the pair term the merged cluster would have;
/// both are updated in O(1) per pair when a word enters or two clusters merge, which makes a step O(C²).
/// </remarks>
internal sealed class BrownClusterer
{
    private const int TableSize = 1 << 17;
    private static readonly double[] XLogX = BuildTable();

    private readonly int _slots;
    private readonly int[] _n;          // _n[i * _slots + j]: bigrams with cluster i left of cluster j
    private readonly long[] _left, _right; // row and column sums of _n
    private readonly double[] _rowF, _colF; // Σ_c f(n(i,c)) and Σ_c f(n(c,i)) over active c
    private readonly double[] _s, _loss;    // pair tables, upper triangle used
    private readonly bool[] _active;
    private readonly int[] _node;        // tree node of the cluster held in a slot
    private readonly int[] _activeList;
    private int _activeCount;

    private BrownClusterer(int clusters)
    {
        _slots = clusters + 1;
        _n = new int[_slots * _slots];
        _left = new long[_slots];
        _right = new long[_slots];
        _rowF = new double[_slots];
        _colF = new double[_slots];
        _s = new double[_slots * _slots];
        _loss = new double[_slots * _slots];
        _active = new bool[_slots];
        _node = new int[_slots];
        _activeList = new int[_slots];
    }

    /// <summary>
    /// Clusters the <paramref name="vocabularySize"/> most frequent words seen at least <paramref name="minCount"/>
    /// times into <paramref name="clusters"/> classes and returns each word's bit string. Bigrams are counted within
    /// sentences between vocabulary words only. Deterministic for a given sentence order.
    /// </summary>
    public static Dictionary<string, string> Cluster(IEnumerable<List<string>> sentences, int vocabularySize, int clusters, int minCount = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clusters, 2);
        var (words, rightStart, rightWord, rightCount) = CountBigrams(sentences, vocabularySize, minCount);
        var vocab = words.Length;
        var (leftStart, leftWord, leftCount) = Transpose(rightStart, rightWord, rightCount, vocab);

        var brown = new BrownClusterer(Math.Min(clusters, Math.Max(vocab, 1)));
        // Tree nodes: 0 .. vocab-1 are the words, each phase-2 merge adds a node over the two merged nodes. In phase 1
        // a cluster is named by its first word, and a merge points the absorbed cluster's word at the survivor's.
        var absorbedInto = new int[vocab];
        var slotOfCluster = new int[vocab];
        var parent = new List<int>(2 * vocab);
        var isSecond = new List<bool>(2 * vocab);
        for (var w = 0; w < vocab; w++) { absorbedInto[w] = w; parent.Add(-1); isSecond.Add(false); }
        int SlotOf(int word) => slotOfCluster[Find(absorbedInto, word)];

        for (var w = 0; w < vocab; w++)
        {
            var slot = brown.FreeSlot();
            brown.Add(slot, w, SlotOf, rightStart, rightWord, rightCount, leftStart, leftWord, leftCount);
            slotOfCluster[w] = slot;
            if (brown._activeCount == brown._slots)
            {
                var (a, b) = brown.BestPair();
                absorbedInto[brown._node[b]] = brown._node[a];
                brown.Merge(a, b, -1);
            }
        }

        // Phase 2: merge the remaining clusters into one binary tree.
        while (brown._activeCount > 1)
        {
            var (a, b) = brown.BestPair();
            var node = parent.Count;
            parent.Add(-1);
            isSecond.Add(false);
            parent[brown._node[a]] = node;
            parent[brown._node[b]] = node;
            isSecond[brown._node[b]] = true;
            brown.Merge(a, b, node);
        }

        var paths = new string?[parent.Count];
        var result = new Dictionary<string, string>(vocab, StringComparer.Ordinal);
        for (var w = 0; w < vocab; w++) result[words[w]] = PathOf(Find(absorbedInto, w), parent, isSecond, paths);
        return result;
    }

    private static int Find(int[] absorbedInto, int word)
    {
        var root = word;
        while (absorbedInto[root] != root) root = absorbedInto[root];
        // Path compression keeps later look-ups of the same words short.
        while (word != root)
        {
            var next = absorbedInto[word];
            absorbedInto[word] = root;
            word = next;
        }
        return root;
    }

    /// <summary>
    /// The first <paramref name="bits"/> bits of a path as an integer, padded with zeros. Padding cannot collide:
    /// no other cluster's path extends a leaf's path, so prefixes of the padded value stay tree prefixes.
    /// </summary>
    public static int Prefix(string path, int bits)
    {
        var value = 0;
        for (var i = 0; i < bits; i++) value = (value << 1) | (i < path.Length && path[i] == '1' ? 1 : 0);
        return value;
    }

    private static string PathOf(int node, List<int> parent, List<bool> isSecond, string?[] paths)
    {
        if (paths[node] is { } known) return known;
        var up = parent[node];
        var path = up < 0 ? "" : PathOf(up, parent, isSecond, paths) + (isSecond[node] ? "1" : "0");
        paths[node] = path;
        return path;
    }

    private static double F(long x) => x < TableSize ? XLogX[x] : x * Math.Log(x);

    private static double[] BuildTable()
    {
        var t = new double[TableSize];
        for (var i = 1; i < t.Length; i++) t[i] = i * Math.Log(i);
        return t;
    }

    private int FreeSlot()
    {
        for (var i = 0; i < _slots; i++)
            if (!_active[i]) return i;
        throw new InvalidOperationException("no free cluster slot");
    }

    private void RefreshActiveList()
    {
        _activeCount = 0;
        for (var i = 0; i < _slots; i++)
            if (_active[i]) _activeList[_activeCount++] = i;
    }

    /// <summary>Word <paramref name="word"/> enters as its own cluster in <paramref name="slot"/>.</summary>
    private void Add(int slot, int word, Func<int, int> slotOf, int[] rightStart, int[] rightWord, int[] rightCount, int[] leftStart, int[] leftWord, int[] leftCount)
    {
        var k = _slots;
        var xr = new int[k]; // n(new, c)
        var xl = new int[k]; // n(c, new)
        long self = 0;
        for (var e = rightStart[word]; e < rightStart[word + 1]; e++)
        {
            var v = rightWord[e];
            if (v < word) xr[slotOf(v)] += rightCount[e];
            else if (v == word) self += rightCount[e];
        }
        for (var e = leftStart[word]; e < leftStart[word + 1]; e++)
        {
            var v = leftWord[e];
            if (v < word) xl[slotOf(v)] += leftCount[e];
        }

        // Clusters the new word touches; only pairs with one of them change.
        var touched = new List<int>();
        for (var t = 0; t < _activeCount; t++)
        {
            var i = _activeList[t];
            if (xl[i] == 0 && xr[i] == 0) continue;
            touched.Add(i);
            _rowF[i] += F(xl[i]);
            _colF[i] += F(xr[i]);
            _left[i] += xl[i];
            _right[i] += xr[i];
        }
        var isTouched = new bool[k];
        foreach (var i in touched) isTouched[i] = true;
        foreach (var i in touched)
            for (var t = 0; t < _activeCount; t++)
            {
                var j = _activeList[t];
                if (j == i || (isTouched[j] && j < i)) continue; // each touched pair once
                var (p, q) = i < j ? (i, j) : (j, i);
                _s[p * k + q] += F(xl[p] + xl[q]) + F(xr[p] + xr[q]);
                _loss[p * k + q] = Loss(p, q);
            }

        // Enter the new cluster's counts.
        long rowSum = self, colSum = self;
        double rowF = F(self), colF = F(self);
        for (var t = 0; t < _activeCount; t++)
        {
            var i = _activeList[t];
            _n[slot * k + i] = xr[i];
            _n[i * k + slot] = xl[i];
            rowSum += xr[i];
            colSum += xl[i];
            rowF += F(xr[i]);
            colF += F(xl[i]);
        }
        _n[slot * k + slot] = (int)self;
        _left[slot] = rowSum;
        _right[slot] = colSum;
        _rowF[slot] = rowF;
        _colF[slot] = colF;
        _active[slot] = true;
        _node[slot] = word;
        RefreshActiveList();

        // S(new, j) from j's sums, corrected only where the new word has counts.
        for (var t = 0; t < _activeCount; t++)
        {
            var j = _activeList[t];
            if (j == slot) continue;
            var njj = _n[j * k + j];
            var sum = _rowF[j] - F(xl[j]) - F(njj) + _colF[j] - F(xr[j]) - F(njj);
            foreach (var c in touched)
            {
                if (c == j) continue;
                if (xr[c] != 0) { var njc = _n[j * k + c]; sum += F(njc + xr[c]) - F(njc); }
                if (xl[c] != 0) { var ncj = _n[c * k + j]; sum += F(ncj + xl[c]) - F(ncj); }
            }
            sum += F(self + xr[j] + xl[j] + njj);
            var (p, q) = slot < j ? (slot, j) : (j, slot);
            _s[p * k + q] = sum;
            _loss[p * k + q] = Loss(p, q);
        }
    }

    /// <summary>Information lost by merging clusters p and q (times the bigram total), from the stored S(p,q).</summary>
    private double Loss(int p, int q)
    {
        var k = _slots;
        var before = _rowF[p] + _colF[p] - F(_n[p * k + p]) + _rowF[q] + _colF[q] - F(_n[q * k + q]) - F(_n[p * k + q]) - F(_n[q * k + p]);
        var margins = F(_left[p] + _left[q]) - F(_left[p]) - F(_left[q]) + F(_right[p] + _right[q]) - F(_right[p]) - F(_right[q]);
        return before - _s[p * k + q] + margins;
    }

    private (int A, int B) BestPair()
    {
        var k = _slots;
        var best = double.PositiveInfinity;
        int ba = -1, bb = -1;
        for (var x = 0; x < _activeCount; x++)
        {
            var i = _activeList[x];
            var row = _loss.AsSpan(i * k, k);
            for (var y = x + 1; y < _activeCount; y++)
            {
                var j = _activeList[y];
                if (row[j] < best) { best = row[j]; ba = i; bb = j; }
            }
        }
        return (ba, bb);
    }

    /// <summary>Merges cluster b into cluster a (a &lt; b); b's slot becomes free.</summary>
    private void Merge(int a, int b, int newNode)
    {
        var k = _slots;
        var ca = new int[k]; var cb = new int[k]; var ra = new int[k]; var rb = new int[k];
        var dW = new double[k];
        var others = new List<int>(_activeCount);
        for (var t = 0; t < _activeCount; t++)
        {
            var i = _activeList[t];
            if (i == a || i == b) continue;
            others.Add(i);
            ca[i] = _n[i * k + a]; cb[i] = _n[i * k + b];
            ra[i] = _n[a * k + i]; rb[i] = _n[b * k + i];
            var dRow = F(ca[i] + cb[i]) - F(ca[i]) - F(cb[i]);
            var dCol = F(ra[i] + rb[i]) - F(ra[i]) - F(rb[i]);
            _rowF[i] += dRow;
            _colF[i] += dCol;
            dW[i] = dRow + dCol;
        }

        // Pairs away from a and b: their merged cluster's terms with a and b become terms with a ∪ b.
        for (var x = 0; x < others.Count; x++)
        {
            var i = others[x];
            int cai = ca[i], cbi = cb[i], rai = ra[i], rbi = rb[i];
            var quiet = (cai | cbi | rai | rbi) == 0;
            for (var y = x + 1; y < others.Count; y++)
            {
                var j = others[y];
                var (p, q) = i < j ? (i, j) : (j, i);
                var index = p * k + q;
                if (quiet && (ca[j] | cb[j] | ra[j] | rb[j]) == 0) continue;
                var ds = F(cai + cbi + ca[j] + cb[j]) - F(cai + ca[j]) - F(cbi + cb[j])
                       + F(rai + rbi + ra[j] + rb[j]) - F(rai + ra[j]) - F(rbi + rb[j]);
                _s[index] += ds;
                _loss[index] += dW[i] + dW[j] - ds;
            }
        }

        // Fold b's counts into a.
        var aa = (long)_n[a * k + a] + _n[a * k + b] + _n[b * k + a] + _n[b * k + b];
        foreach (var c in others)
        {
            _n[a * k + c] += _n[b * k + c];
            _n[c * k + a] += _n[c * k + b];
        }
        _n[a * k + a] = (int)aa;
        for (var c = 0; c < k; c++) { _n[b * k + c] = 0; _n[c * k + b] = 0; }
        _left[a] += _left[b];
        _right[a] += _right[b];
        _left[b] = _right[b] = 0;
        _rowF[b] = _colF[b] = 0;
        _active[b] = false;
        if (newNode >= 0) _node[a] = newNode;
        RefreshActiveList();
        for (var c = 0; c < k; c++)
        {
            _loss[b * k + c] = double.PositiveInfinity;
            _loss[c * k + b] = double.PositiveInfinity;
        }
        double rowF = F(aa), colF = F(aa);
        foreach (var c in others) { rowF += F(_n[a * k + c]); colF += F(_n[c * k + a]); }
        _rowF[a] = rowF;
        _colF[a] = colF;

        // S(a, j) from scratch: a is usually a large cluster, so there is no sparse shortcut.
        foreach (var j in others)
        {
            var sum = 0.0;
            foreach (var c in others)
            {
                if (c == j) continue;
                sum += F((long)_n[a * k + c] + _n[j * k + c]) + F((long)_n[c * k + a] + _n[c * k + j]);
            }
            sum += F(aa + _n[a * k + j] + _n[j * k + a] + _n[j * k + j]);
            var (p, q) = a < j ? (a, j) : (j, a);
            _s[p * k + q] = sum;
            _loss[p * k + q] = Loss(p, q);
        }
    }

    /// <summary>Interns the words, keeps the most frequent and returns their right-neighbour bigram lists (CSR).</summary>
    private static (string[] Words, int[] Start, int[] Word, int[] Count) CountBigrams(IEnumerable<List<string>> sentences, int vocabularySize, int minCount)
    {
        var corpus = WordStream.Read(sentences, 1 << 22);
        var (ids, counts, stream) = (corpus.Ids, corpus.Counts, corpus.Stream);
        var order = new int[counts.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        // Ties keep first-seen order, so the ranking depends only on the text.
        Array.Sort(order, (x, y) => counts[x] != counts[y] ? counts[y].CompareTo(counts[x]) : x.CompareTo(y));
        var vocab = Math.Min(vocabularySize, order.Length);
        while (vocab > 0 && counts[order[vocab - 1]] < minCount) vocab--;
        var rank = new int[counts.Count];
        Array.Fill(rank, -1);
        var words = new string[vocab];
        for (var r = 0; r < vocab; r++) rank[order[r]] = r;
        foreach (var (word, id) in ids)
            if (rank[id] >= 0) words[rank[id]] = word;

        var start = new int[vocab + 1];
        for (var i = 0; i + 1 < stream.Count; i++)
        {
            if (stream[i] < 0 || stream[i + 1] < 0) continue;
            int u = rank[stream[i]], v = rank[stream[i + 1]];
            if (u >= 0 && v >= 0) start[u + 1]++;
        }
        for (var r = 0; r < vocab; r++) start[r + 1] += start[r];
        var next = new int[start[vocab]];
        var fill = (int[])start.Clone();
        for (var i = 0; i + 1 < stream.Count; i++)
        {
            if (stream[i] < 0 || stream[i + 1] < 0) continue;
            int u = rank[stream[i]], v = rank[stream[i + 1]];
            if (u >= 0 && v >= 0) next[fill[u]++] = v;
        }
        stream.Clear();

        // Sort each word's right neighbours and run-length them into (word, count) lists.
        var outStart = new int[vocab + 1];
        var outWord = new List<int>();
        var outCount = new List<int>();
        for (var u = 0; u < vocab; u++)
        {
            var span = next.AsSpan(start[u], start[u + 1] - start[u]);
            span.Sort();
            for (var e = 0; e < span.Length;)
            {
                var f = e;
                while (f < span.Length && span[f] == span[e]) f++;
                outWord.Add(span[e]);
                outCount.Add(f - e);
                e = f;
            }
            outStart[u + 1] = outWord.Count;
        }
        return (words, outStart, outWord.ToArray(), outCount.ToArray());
    }

    private static (int[] Start, int[] Word, int[] Count) Transpose(int[] start, int[] word, int[] count, int vocab)
    {
        var tStart = new int[vocab + 1];
        foreach (var v in word) tStart[v + 1]++;
        for (var r = 0; r < vocab; r++) tStart[r + 1] += tStart[r];
        var tWord = new int[word.Length];
        var tCount = new int[word.Length];
        var fill = (int[])tStart.Clone();
        for (var u = 0; u < vocab; u++)
            for (var e = start[u]; e < start[u + 1]; e++)
            {
                var at = fill[word[e]]++;
                tWord[at] = u;
                tCount[at] = count[e];
            }
        return (tStart, tWord, tCount);
    }
}
