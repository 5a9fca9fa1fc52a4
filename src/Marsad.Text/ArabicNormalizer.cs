namespace Marsad.Text;

/// <summary>
/// Table-driven Arabic orthographic normaliser. Each option set gets one 64K-entry lookup table built on first use,
/// so the per-character work is a single array read and a compare; only ligatures take the slow path.
/// </summary>
public static class ArabicNormalizer
{
    /// <summary>
    /// The most characters one source character can become (the presentation-form ligature ﷲ expands to الله).
    /// A destination of <c>source.Length * MaxExpansion</c> always suffices; text without ligatures needs only <c>source.Length</c>.
    /// </summary>
    public const int MaxExpansion = 4;

    internal const char Delete = '\uFFFF';
    internal const char Expand = '\uFFFE';

    /// <summary>In a word map, marks a character that cannot continue an Arabic word.</summary>
    internal const char WordEnd = '\uFFFD';
    private const int OptionBits = 10;
    private const int AllOptions = (1 << OptionBits) - 1;

    private static readonly NormalizationTable?[] Tables = new NormalizationTable?[1 << OptionBits];
    private static readonly Dictionary<char, string> PresentationForms = LoadPresentationForms();

    /// <summary>Normalises <paramref name="source"/> into <paramref name="destination"/> and returns the number of characters written.</summary>
    /// <exception cref="ArgumentException">The destination is too small; <c>source.Length * MaxExpansion</c> is always enough.</exception>
    public static int Normalize(ReadOnlySpan<char> source, Span<char> destination, NormalizationOptions options = NormalizationOptions.Default)
    {
        var table = GetTable(options);
        var map = table.Map;
        var written = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            var m = map[c];
            if (m < Expand)
            {
                if ((uint)written >= (uint)destination.Length) ThrowTooSmall();
                destination[written++] = m;
            }
            else if (m == Expand)
            {
                var expansion = table.Expansions[c];
                if (written + expansion.Length > destination.Length) ThrowTooSmall();
                expansion.AsSpan().CopyTo(destination[written..]);
                written += expansion.Length;
            }
        }
        return written;
    }

    /// <summary>
    /// Normalises one word and, in the same pass, packs it into the <see cref="ShortWordCache"/> key: the low bytes of up
    /// to eight output characters, all from U+0600–U+06FF. Building the key from registers instead of re-reading the
    /// freshly written buffer avoids a store-forwarding stall on every token. The key is 0 when the word does not fit.
    /// </summary>
    internal static int NormalizeWord(ReadOnlySpan<char> source, Span<char> destination, NormalizationOptions options, out ulong key)
    {
        var table = GetTable(options);
        var map = table.Map;
        var written = 0;
        ulong packed = 0;
        var fits = true;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            var m = map[c];
            if (m < Expand)
            {
                if ((uint)written >= (uint)destination.Length) ThrowTooSmall();
                destination[written] = m;
                if (written < ShortWordCache.MaxLength && (m >> 8) == 0x06) packed |= (ulong)(byte)m << (written * 8);
                else fits = false;
                written++;
            }
            else if (m == Expand)
            {
                var expansion = table.Expansions[c];
                if (written + expansion.Length > destination.Length) ThrowTooSmall();
                expansion.AsSpan().CopyTo(destination[written..]);
                written += expansion.Length;
                fits = false;
            }
        }
        key = fits ? packed : 0;
        return written;
    }

    /// <summary>Normalises a string; returns the same instance when nothing changes. The non-characters U+FFFE/U+FFFF are always dropped.</summary>
    public static string Normalize(string s, NormalizationOptions options = NormalizationOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Length == 0) return s;
        var map = GetTable(options).Map;
        var unchanged = true;
        foreach (var c in s)
        {
            // U+FFFF maps to itself as the deletion marker, so it needs its own test.
            if (map[c] != c || c == Delete) { unchanged = false; break; }
        }
        if (unchanged) return s;

        var capacity = s.Length * MaxExpansion;
        char[]? rented = null;
        var buffer = capacity <= 512 ? stackalloc char[capacity] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(capacity));
        var n = Normalize(s, buffer, options);
        var result = new string(buffer[..n]);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>True when <paramref name="c"/> is removed by the diacritics folding (harakat and Quranic marks).</summary>
    public static bool IsDiacritic(char c) =>
        c is (>= '\u064B' and <= '\u065F') or '\u0670' or (>= '\u0610' and <= '\u061A')
            or (>= '\u06D6' and <= '\u06ED' and not '\u06E5' and not '\u06E6') or (>= '\u08D3' and <= '\u08FF' and not '\u08E2');

    /// <summary>True for invisible format controls removed by <see cref="NormalizationOptions.FormatControls"/>.</summary>
    public static bool IsFormatControl(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF' or '\u00AD'
            or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    internal static char[] MapFor(NormalizationOptions options) => GetTable(options).Map;

    /// <summary>
    /// The map restricted to characters that continue an Arabic word (letters and marks); every other character maps
    /// to <see cref="WordEnd"/>. Scanning a word then needs one table read per character instead of two.
    /// </summary>
    internal static char[] WordMapFor(NormalizationOptions options) => GetTable(options).WordMap;

    internal static string ExpansionOf(char c, NormalizationOptions options) => GetTable(options).Expansions[c];

    private static NormalizationTable GetTable(NormalizationOptions options)
    {
        var key = (int)options & AllOptions;
        return Tables[key] ?? Build(key);
    }

    private static NormalizationTable Build(int key)
    {
        var options = (NormalizationOptions)key;
        var map = new char[65536];
        for (var i = 0; i < map.Length; i++) map[i] = MapSingle((char)i, options);

        var expansions = new Dictionary<char, string>();
        if (options.HasFlag(NormalizationOptions.PresentationForms))
        {
            Span<char> scratch = stackalloc char[MaxExpansion];
            foreach (var (form, decomposition) in PresentationForms)
            {
                // The decomposition is itself normalised with the same table so the result is a fixed point.
                var n = 0;
                foreach (var d in decomposition)
                {
                    var m = map[d];
                    if (m != Delete) scratch[n++] = m;
                }
                if (n == 0) map[form] = Delete;
                else if (n == 1) map[form] = scratch[0];
                else
                {
                    map[form] = Expand;
                    expansions[form] = new string(scratch[..n]);
                }
            }
        }
        var classes = CharClasses.Table;
        var wordMap = new char[65536];
        for (var i = 0; i < wordMap.Length; i++)
        {
            if (classes[i] is not (CharClass.ArabicLetter or CharClass.ArabicMark)) wordMap[i] = WordEnd;
            else if (map[i] == WordEnd) throw new InvalidOperationException($"U+{i:X4} normalises to the word-end sentinel.");
            else wordMap[i] = map[i];
        }
        var table = new NormalizationTable(map, wordMap, expansions);
        Tables[key] = table;
        return table;
    }

    private static char MapSingle(char c, NormalizationOptions o)
    {
        if (c is Delete or Expand) return Delete;
        if (o.HasFlag(NormalizationOptions.Diacritics) && IsDiacritic(c)) return Delete;
        if (o.HasFlag(NormalizationOptions.Tatweel) && c == '\u0640') return Delete;
        if (o.HasFlag(NormalizationOptions.FormatControls) && IsFormatControl(c)) return Delete;
        if (o.HasFlag(NormalizationOptions.Alef) && c is '\u0623' or '\u0625' or '\u0622' or '\u0671' or '\u0672' or '\u0673') return '\u0627';
        if (o.HasFlag(NormalizationOptions.AlefMaqsura) && c == '\u0649') return '\u064A';
        if (o.HasFlag(NormalizationOptions.PersianLetters))
        {
            if (c == '\u06CC') return '\u064A';
            if (c is '\u06A9' or '\u06AA') return '\u0643';
        }
        if (o.HasFlag(NormalizationOptions.TaaMarbuta) && c == '\u0629') return '\u0647';
        if (o.HasFlag(NormalizationOptions.Digits))
        {
            if (c is >= '\u0660' and <= '\u0669') return (char)('0' + (c - '\u0660'));
            if (c is >= '\u06F0' and <= '\u06F9') return (char)('0' + (c - '\u06F0'));
            if (c == '\u066B') return '.';
            if (c == '\u066C') return ',';
        }
        if (o.HasFlag(NormalizationOptions.LatinLowercase) && c <= '\u024F' && char.IsUpper(c))
        {
            var lower = char.ToLowerInvariant(c);
            if (lower != c && char.ToLowerInvariant(lower) == lower) return lower;
        }
        return c;
    }

    private static Dictionary<char, string> LoadPresentationForms()
    {
        // Generated from Unicode NFKC decompositions (the runtime's invariant mode cannot normalise): one form per
        // line, "FORM D1 D2 ...". Forms whose decomposition spans several words (e.g. ﷺ) are left out on purpose,
        // because expanding them would insert spaces into a single token.
        using var stream = typeof(ArabicNormalizer).Assembly.GetManifestResourceStream("Marsad.Text.presentation-forms.txt")
            ?? throw new InvalidOperationException("Embedded resource presentation-forms.txt is missing.");
        using var reader = new StreamReader(stream);
        var result = new Dictionary<char, string>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            var form = (char)Convert.ToInt32(parts[0], 16);
            var chars = new char[parts.Length - 1];
            for (var i = 1; i < parts.Length; i++) chars[i - 1] = (char)Convert.ToInt32(parts[i], 16);
            result[form] = new string(chars);
        }
        return result;
    }

    private static void ThrowTooSmall() =>
        throw new ArgumentException("Destination is too small; source.Length * ArabicNormalizer.MaxExpansion always suffices.", "destination");

    private sealed record NormalizationTable(char[] Map, char[] WordMap, Dictionary<char, string> Expansions);
}
