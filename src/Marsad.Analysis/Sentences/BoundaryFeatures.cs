namespace Marsad.Analysis.Sentences;

/// <summary>
/// Hashed features of the gap between two words. Hashes are FNV-1a over normalised chars finished with SplitMix64,
/// so a saved model means the same thing in every process (string.GetHashCode is randomised per process).
/// Distance since the sentence start is kept apart from the other features because the decoder adds it per
/// candidate sentence start, which lets one linear model score whole segmentations exactly.
/// </summary>
internal static class BoundaryFeatures
{
    public const int MaxGapFeatures = 48;
    public const int DistanceFeatures = 5;
    public const int DistanceBuckets = 16;
    private const int MaxNormalisedLength = 32;

    private const ulong Bias = 1, Left = 2, Right = 3, LeftLeft = 4, RightRight = 5, LeftRight = 6, LeftPair = 7,
        RightPair = 8, RightPrefix1 = 9, RightPrefix2 = 10, RightPrefix3 = 11, LeftSuffix1 = 12, LeftSuffix2 = 13,
        LeftSuffix3 = 14, LeftShape = 15, RightShape = 16, Shapes = 17, SuffixPrefix = 18, LeftWordRightPrefix = 19,
        RightWordLeftSuffix = 20, DistanceOnly = 21, DistanceRightPrefix1 = 22, DistanceRightPrefix2 = 23,
        DistanceRightWord = 24, LeftLeftLeft = 25, RightRightRight = 26, LeftClass = 27, RightClass = 28,
        LeftLeftClass = 29, RightRightClass = 30, LeftLeftLeftClass = 31, RightRightRightClass = 32, Classes = 33,
        LeftClassPair = 34, RightClassPair = 35, LeftClassRightWord = 36, LeftWordRightClass = 37, ClassTriple = 38,
        Suffix1Prefix1 = 39, RightPrefix1Pair = 40, Suffix3Prefix2 = 41, DistanceRightClass = 42, RightClassRightRightPrefix = 43,
        StackSelf = 44, StackPrevious = 45, StackNext = 46, StackPrevious2 = 47, StackNext2 = 48, StackSelfPrevious = 49,
        StackSelfNext = 50, StackWindow = 51, StackLeftConfident = 52, StackRightConfident = 53, StackPeak = 54,
        StackConfidentSpan = 55, LeftRightRight = 56, LeftLeftRight = 57, RightStem = 58, LeftWordRightStem = 59,
        RightClassTriple = 60, LeftSuffixRightClass = 61, RightRightPrefix2 = 62, RightStemRightRightClass = 63;

    /// <summary>How many features <see cref="Stack"/> writes.</summary>
    public const int StackFeatures = 12;

    /// <summary>First-pass log-odds above this count as a confident boundary for the stacked distance features.</summary>
    private const float Confident = 1f;

    private const int StackReach = 24;
    private const ulong EdgeBin = 99;

    private static readonly WordKey Edge = new()
    {
        Word = 0x5EED_0000_0000_0001,
        Prefix1 = 0x5EED_0000_0000_0002,
        Prefix2 = 0x5EED_0000_0000_0003,
        Prefix3 = 0x5EED_0000_0000_0004,
        Suffix1 = 0x5EED_0000_0000_0005,
        Suffix2 = 0x5EED_0000_0000_0006,
        Suffix3 = 0x5EED_0000_0000_0007,
        Shape = 0x5EED_0000_0000_0008,
        Class = 0x5EED_0000_0000_0009,
    };

    public static void ComputeKeys(string text, ReadOnlySpan<SentenceWord> words, WordClusters clusters, Span<WordKey> keys)
    {
        Span<char> buffer = stackalloc char[MaxNormalisedLength];
        for (var i = 0; i < words.Length; i++)
        {
            var core = text.AsSpan(words[i].CoreStart, words[i].CoreEnd - words[i].CoreStart);
            var length = Normalise(core, buffer, out var shapeKind);
            var form = buffer[..length];
            var word = Hash(form);
            var shape = (ulong)(shapeKind * 8 + LengthBucket(length));
            keys[i] = new WordKey
            {
                Word = word,
                Prefix1 = Hash(form[..Math.Min(1, length)]),
                Prefix2 = Hash(form[..Math.Min(2, length)]),
                Prefix3 = Hash(form[..Math.Min(3, length)]),
                Suffix1 = Hash(form[Math.Max(0, length - 1)..]),
                Suffix2 = Hash(form[Math.Max(0, length - 2)..]),
                Suffix3 = Hash(form[Math.Max(0, length - 3)..]),
                Shape = shape,
                Class = clusters.ClassOf(word, shape),
                Stem = length > 3 && form[0] is '\u0648' or '\u0641' ? Hash(form[1..]) : word,
            };
        }
    }

    /// <summary>Features of the gap after word <paramref name="k"/>; the words outside <paramref name="keys"/> read as an edge.</summary>
    public static int Gap(ReadOnlySpan<WordKey> keys, int k, int bits, Span<int> into)
    {
        ref readonly var l = ref keys[k];
        ref readonly var r = ref keys[k + 1];
        ref readonly var ll = ref k > 0 ? ref keys[k - 1] : ref Edge;
        ref readonly var rr = ref k + 2 < keys.Length ? ref keys[k + 2] : ref Edge;
        ref readonly var lll = ref k > 1 ? ref keys[k - 2] : ref Edge;
        ref readonly var rrr = ref k + 3 < keys.Length ? ref keys[k + 3] : ref Edge;
        var n = 0;
        into[n++] = Index(bits, Bias, 0, 0);
        into[n++] = Index(bits, Left, l.Word, 0);
        into[n++] = Index(bits, Right, r.Word, 0);
        into[n++] = Index(bits, LeftLeft, ll.Word, 0);
        into[n++] = Index(bits, RightRight, rr.Word, 0);
        into[n++] = Index(bits, LeftRight, l.Word, r.Word);
        into[n++] = Index(bits, LeftPair, ll.Word, l.Word);
        into[n++] = Index(bits, RightPair, r.Word, rr.Word);
        into[n++] = Index(bits, RightPrefix1, r.Prefix1, 0);
        into[n++] = Index(bits, RightPrefix2, r.Prefix2, 0);
        into[n++] = Index(bits, RightPrefix3, r.Prefix3, 0);
        into[n++] = Index(bits, LeftSuffix1, l.Suffix1, 0);
        into[n++] = Index(bits, LeftSuffix2, l.Suffix2, 0);
        into[n++] = Index(bits, LeftSuffix3, l.Suffix3, 0);
        into[n++] = Index(bits, LeftShape, l.Shape, 0);
        into[n++] = Index(bits, RightShape, r.Shape, 0);
        into[n++] = Index(bits, Shapes, l.Shape, r.Shape);
        into[n++] = Index(bits, SuffixPrefix, l.Suffix2, r.Prefix2);
        into[n++] = Index(bits, LeftWordRightPrefix, l.Word, r.Prefix2);
        into[n++] = Index(bits, RightWordLeftSuffix, r.Word, l.Suffix2);
        into[n++] = Index(bits, LeftLeftLeft, lll.Word, 0);
        into[n++] = Index(bits, RightRightRight, rrr.Word, 0);
        into[n++] = Index(bits, Suffix1Prefix1, l.Suffix1, r.Prefix1);
        into[n++] = Index(bits, RightPrefix1Pair, r.Prefix1, rr.Prefix1);
        into[n++] = Index(bits, Suffix3Prefix2, l.Suffix3, r.Prefix2);
        into[n++] = Index(bits, LeftClass, l.Class, 0);
        into[n++] = Index(bits, RightClass, r.Class, 0);
        into[n++] = Index(bits, LeftLeftClass, ll.Class, 0);
        into[n++] = Index(bits, RightRightClass, rr.Class, 0);
        into[n++] = Index(bits, LeftLeftLeftClass, lll.Class, 0);
        into[n++] = Index(bits, RightRightRightClass, rrr.Class, 0);
        into[n++] = Index(bits, Classes, l.Class, r.Class);
        into[n++] = Index(bits, LeftClassPair, ll.Class, l.Class);
        into[n++] = Index(bits, RightClassPair, r.Class, rr.Class);
        into[n++] = Index(bits, LeftClassRightWord, l.Class, r.Word);
        into[n++] = Index(bits, LeftWordRightClass, l.Word, r.Class);
        into[n++] = Index(bits, ClassTriple, ll.Class << 16 | l.Class, r.Class);
        into[n++] = Index(bits, RightClassRightRightPrefix, r.Class, rr.Prefix2);
        into[n++] = Index(bits, LeftRightRight, l.Word, rr.Word);
        into[n++] = Index(bits, LeftLeftRight, ll.Word, r.Word);
        into[n++] = Index(bits, RightStem, r.Stem, 0);
        into[n++] = Index(bits, LeftWordRightStem, l.Word, r.Stem);
        into[n++] = Index(bits, RightClassTriple, r.Class << 16 | rr.Class, rrr.Class);
        into[n++] = Index(bits, LeftSuffixRightClass, l.Suffix2, r.Class);
        into[n++] = Index(bits, RightRightPrefix2, rr.Prefix2, 0);
        into[n++] = Index(bits, RightStemRightRightClass, r.Stem, rr.Class);
        return n;
    }

    /// <summary>Features of the gap after word <paramref name="k"/> that depend on how many words the sentence already has.</summary>
    public static int Distance(ReadOnlySpan<WordKey> keys, int k, int bucket, int bits, Span<int> into)
    {
        ref readonly var r = ref keys[k + 1];
        var b = (ulong)bucket;
        into[0] = Index(bits, DistanceOnly, b, 0);
        into[1] = Index(bits, DistanceRightPrefix1, b, r.Prefix1);
        into[2] = Index(bits, DistanceRightPrefix2, b, r.Prefix2);
        into[3] = Index(bits, DistanceRightWord, b, r.Word);
        into[4] = Index(bits, DistanceRightClass, b, r.Class);
        return DistanceFeatures;
    }

    /// <summary>
    /// Features of the gap after word <paramref name="k"/> read off a first pass's gap log-odds <paramref name="z"/>:
    /// its own and its neighbours' (−2..+2) binned scores, whether it is a local peak, and how far the nearest confident
    /// first-pass boundaries lie on either side.
    /// </summary>
    public static int Stack(ReadOnlySpan<float> z, int k, int bits, Span<int> into)
    {
        var self = Bin(z, k);
        var previous = Bin(z, k - 1);
        var next = Bin(z, k + 1);
        var coarse = Coarse(z[k]);
        var left = StackReach;
        for (var d = 1; d < StackReach && k - d >= 0; d++)
        {
            if (z[k - d] > Confident)
            {
                left = d;
                break;
            }
        }
        if (k - left < 0 && left == StackReach) left = Math.Min(k + 1, StackReach);
        var right = StackReach;
        for (var d = 1; d < StackReach && k + d < z.Length; d++)
        {
            if (z[k + d] > Confident)
            {
                right = d;
                break;
            }
        }
        if (right == StackReach && z.Length - k <= StackReach) right = Math.Min(z.Length - k, StackReach);
        var peak = (k == 0 || z[k] >= z[k - 1]) && (k + 1 >= z.Length || z[k] >= z[k + 1]) ? 1UL : 0UL;
        into[0] = Index(bits, StackSelf, self, 0);
        into[1] = Index(bits, StackPrevious, previous, 0);
        into[2] = Index(bits, StackNext, next, 0);
        into[3] = Index(bits, StackPrevious2, Bin(z, k - 2), 0);
        into[4] = Index(bits, StackNext2, Bin(z, k + 2), 0);
        into[5] = Index(bits, StackSelfPrevious, self, previous);
        into[6] = Index(bits, StackSelfNext, self, next);
        into[7] = Index(bits, StackWindow, coarse << 16 | CoarseAt(z, k - 1) << 8 | CoarseAt(z, k + 1), 0);
        into[8] = Index(bits, StackLeftConfident, (ulong)Bucket(left), coarse);
        into[9] = Index(bits, StackRightConfident, (ulong)Bucket(right), coarse);
        into[10] = Index(bits, StackPeak, peak, self);
        into[11] = Index(bits, StackConfidentSpan, (ulong)Bucket(left), (ulong)Bucket(right));
        return StackFeatures;
    }

    private static ulong Bin(ReadOnlySpan<float> z, int j) =>
        (uint)j >= (uint)z.Length ? EdgeBin : (ulong)Math.Clamp((int)MathF.Floor((z[j] + 6f) / 0.75f), 0, 16);

    private static ulong Coarse(float z) => z switch
    {
        < -3f => 0,
        < -1.5f => 1,
        < -0.5f => 2,
        < 0.5f => 3,
        < 1.5f => 4,
        < 3f => 5,
        _ => 6,
    };

    private static ulong CoarseAt(ReadOnlySpan<float> z, int j) => (uint)j >= (uint)z.Length ? 7 : Coarse(z[j]);

    /// <summary>Bucket of the sentence length so far, counting the word before the gap.</summary>
    public static int Bucket(int words) => words switch
    {
        <= 6 => words - 1,
        <= 8 => 6,
        <= 10 => 7,
        <= 13 => 8,
        <= 16 => 9,
        <= 20 => 10,
        <= 25 => 11,
        <= 30 => 12,
        <= 40 => 13,
        <= 50 => 14,
        _ => 15,
    };

    /// <summary>
    /// Drops diacritics, tatweel and punctuation, folds alef forms, alef maqsura and ta marbuta, lowercases Latin
    /// and reduces every digit to 0, so spelling variants of one word share features.
    /// </summary>
    private static int Normalise(ReadOnlySpan<char> core, Span<char> into, out int shapeKind)
    {
        var n = 0;
        var arabic = false;
        var latin = false;
        var digit = false;
        foreach (var c in core)
        {
            if (n == into.Length) break;
            char mapped;
            switch (c)
            {
                case >= '0' and <= '9':
                case >= '\u0660' and <= '\u0669':
                case >= '\u06F0' and <= '\u06F9':
                    mapped = '0';
                    digit = true;
                    break;
                case '\u0622' or '\u0623' or '\u0625' or '\u0671':
                    mapped = '\u0627';
                    arabic = true;
                    break;
                case '\u0649':
                    mapped = '\u064A';
                    arabic = true;
                    break;
                case '\u0629':
                    mapped = '\u0647';
                    arabic = true;
                    break;
                case '\u0640':
                case >= '\u064B' and <= '\u065F':
                case '\u0670':
                case >= '\u06D6' and <= '\u06ED':
                    continue;
                case >= 'A' and <= 'Z':
                    mapped = (char)(c + 32);
                    latin = true;
                    break;
                case >= 'a' and <= 'z':
                    mapped = c;
                    latin = true;
                    break;
                default:
                    if (!char.IsLetter(c)) continue;
                    mapped = c;
                    if (c is >= '\u0600' and <= '\u06FF') arabic = true;
                    else latin = true;
                    break;
            }
            into[n++] = mapped;
        }
        shapeKind = (arabic ? 1 : 0) | (latin ? 2 : 0) | (digit ? 4 : 0);
        return n;
    }

    private static int LengthBucket(int length) => length switch
    {
        <= 2 => length,
        3 => 3,
        <= 5 => 4,
        <= 8 => 5,
        _ => 6,
    };

    private static ulong Hash(ReadOnlySpan<char> text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return Mix(h ^ (ulong)text.Length);
    }

    private static int Index(int bits, ulong template, ulong a, ulong b)
    {
        var h = Mix(template * 0x9E3779B97F4A7C15UL ^ a);
        h = Mix(h ^ b);
        return (int)(h >> (64 - bits));
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
