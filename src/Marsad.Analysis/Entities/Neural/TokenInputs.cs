namespace Marsad.Analysis.Entities.Neural;

/// <summary>
/// The discrete inputs of the neural tagger for one sentence: per token the vector rows of its normalised word
/// and of its clitic-free stem, a coarse shape class and hashed affixes. Holds reusable buffers.
/// </summary>
internal sealed class TokenInputs
{
    /// <summary>Prefixes 1–3 of the word, prefixes 1–3 of the article-less stem, suffixes 1–3.</summary>
    public const int AffixSlots = 9;

    public const int ShapeCount = 5 * 2 * 2 * 2 * 2 * 5;

    private char[] _chars = new char[256];

    public int Count { get; private set; }

    public int[] Words { get; private set; } = new int[64];

    public int[] Stems { get; private set; } = new int[64];

    public int[] Shapes { get; private set; } = new int[64];

    /// <summary>Count × <see cref="AffixSlots"/> rows of the affix table.</summary>
    public int[] Affixes { get; private set; } = new int[64 * AffixSlots];

    public void Extract(IReadOnlyList<string> tokens, WordVectors vectors, int affixBuckets)
    {
        var n = tokens.Count;
        Count = n;
        if (Words.Length < n)
        {
            var size = Math.Max(n, Words.Length * 2);
            Words = new int[size];
            Stems = new int[size];
            Shapes = new int[size];
            Affixes = new int[size * AffixSlots];
        }
        for (var i = 0; i < n; i++) Extract(i, tokens[i], vectors, affixBuckets);
    }

    private void Extract(int i, string token, WordVectors vectors, int affixBuckets)
    {
        if (_chars.Length < token.Length) _chars = new char[token.Length * 2];
        var w = _chars.AsSpan(0, ArabicForms.Normalize(token, _chars));
        var clitics = ArabicForms.SplitProclitics(w, out var bare, out _);
        var stem = w[bare..];
        var word = vectors.Id(w);
        var stemId = bare > 0 ? vectors.Id(stem) : word;
        Words[i] = word;
        Stems[i] = stemId;
        var length = w.Length switch { <= 1 => 0, 2 => 1, 3 => 2, <= 5 => 3, _ => 4 };
        var cls = w.IsEmpty ? 4 : ArabicForms.ShapeClass(w[0]) switch { 'a' => 0, 'd' => 1, 'l' => 2, 'p' => 3, _ => 4 };
        Shapes[i] = ((((cls * 2 + (word >= 0 ? 1 : 0)) * 2 + (stemId >= 0 ? 1 : 0)) * 2 + (clitics > 0 ? 1 : 0)) * 2 + (bare > clitics ? 1 : 0)) * 5 + length;
        var affixes = Affixes.AsSpan(i * AffixSlots, AffixSlots);
        for (var k = 0; k < 3; k++)
        {
            affixes[k] = Hash(k, w[..Math.Min(k + 1, w.Length)], affixBuckets);
            affixes[3 + k] = Hash(3 + k, stem[..Math.Min(k + 1, stem.Length)], affixBuckets);
            affixes[6 + k] = Hash(6 + k, w[Math.Max(0, w.Length - k - 1)..], affixBuckets);
        }
    }

    /// <summary>FNV-1a over the slot and the characters; collisions only share an embedding row.</summary>
    private static int Hash(int slot, ReadOnlySpan<char> s, int buckets)
    {
        var h = 2166136261u ^ (uint)slot;
        h *= 16777619u;
        foreach (var c in s)
        {
            h ^= c;
            h *= 16777619u;
        }
        h ^= h >> 15;
        return (int)(h % (uint)buckets);
    }
}
