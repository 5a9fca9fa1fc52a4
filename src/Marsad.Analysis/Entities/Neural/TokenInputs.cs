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

    /// <summary>Cluster leaf of the word and of its bare form, trigger class, gazetteer begin and inside kinds.</summary>
    public const int LexicalSlots = 5;

    /// <summary>The lexical slots that depend on the neighbouring words (gazetteer phrases), not on the word alone.</summary>
    public const int FirstContextualSlot = 3;

    private const int Leaves = 1 << (3 * WordClusterBuilder.Depth);
    private const int TriggerRows = 16;
    private const int GazetteerRows = 64;

    /// <summary>Rows of the lexical embedding table: each slot's values in their own range.</summary>
    public const int LexicalRows = 2 * Leaves + TriggerRows + 2 * GazetteerRows;

    private char[] _chars = new char[256];

    public int Count { get; private set; }

    public int[] Words { get; private set; } = new int[64];

    public int[] Stems { get; private set; } = new int[64];

    public int[] Shapes { get; private set; } = new int[64];

    /// <summary>Count × <see cref="AffixSlots"/> rows of the affix table.</summary>
    public int[] Affixes { get; private set; } = new int[64 * AffixSlots];

    /// <summary>Count × <see cref="LexicalSlots"/> rows of the lexical table, -1 where the token has no such value.</summary>
    public int[] Lexical { get; private set; } = new int[64 * LexicalSlots];

    /// <summary>
    /// Count × width fixed inputs that depend on the whole sentence (a <see cref="NewsLanguageModel"/>'s states),
    /// written by their producer after <see cref="Extract(IReadOnlyList{string}, WordVectors, int, NerFeatureExtractor?)"/>.
    /// </summary>
    public float[] Context { get; private set; } = [];

    /// <summary>The context rows of the current sentence, <paramref name="width"/> floats per token.</summary>
    public Span<float> ContextRows(int width)
    {
        if (Context.Length < Count * width) Context = new float[Math.Max(Count * width, 2 * Context.Length)];
        return Context.AsSpan(0, Count * width);
    }

    /// <summary>
    /// Fills the inputs of <paramref name="tokens"/>; the lexical slots are read from <paramref name="lexicon"/>
    /// (the perceptron's clusters, gazetteers and triggers) when given and left empty otherwise.
    /// </summary>
    public void Extract(IReadOnlyList<string> tokens, WordVectors vectors, int affixBuckets, NerFeatureExtractor? lexicon = null)
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
            Lexical = new int[size * LexicalSlots];
        }
        for (var i = 0; i < n; i++) Extract(i, tokens[i], vectors, affixBuckets);
        var lexical = Lexical.AsSpan(0, n * LexicalSlots);
        if (lexicon is null)
        {
            lexical.Fill(-1);
            return;
        }
        lexicon.Analyze(tokens);
        var leaves = lexicon.ClusterLeaves;
        var bareLeaves = lexicon.BareClusterLeaves;
        var triggers = lexicon.Triggers;
        var begins = lexicon.GazetteerBegins;
        var insides = lexicon.GazetteerInsides;
        for (var i = 0; i < n; i++)
        {
            var row = lexical.Slice(i * LexicalSlots, LexicalSlots);
            row[0] = leaves[i] is >= 0 and < Leaves ? leaves[i] : -1;
            row[1] = bareLeaves[i] is >= 0 and < Leaves ? Leaves + bareLeaves[i] : -1;
            row[2] = triggers[i] is > 0 and < TriggerRows ? 2 * Leaves + triggers[i] : -1;
            row[3] = begins[i] is > 0 and < GazetteerRows ? 2 * Leaves + TriggerRows + begins[i] : -1;
            row[4] = insides[i] is > 0 and < GazetteerRows ? 2 * Leaves + TriggerRows + GazetteerRows + insides[i] : -1;
        }
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
