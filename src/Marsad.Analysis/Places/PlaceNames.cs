using Marsad.Text;

namespace Marsad.Analysis.Places;

/// <summary>
/// The one key under which names are indexed and looked up: Marsad's search normalisation (so أبو ظبي، ابو ظبى and
/// ابوظبي-with-diacritics meet) with words separated by a single space and punctuation dropped.
/// </summary>
public static class PlaceNames
{
    internal const char Waw = '\u0648', Fa = '\u0641', Ba = '\u0628', Lam = '\u0644', Kaf = '\u0643', Alef = '\u0627';

    public static string Key(string name) => Key(name.AsSpan());

    public static string Key(ReadOnlySpan<char> name)
    {
        char[]? rented = null;
        var capacity = name.Length * ArabicNormalizer.MaxExpansion;
        var buffer = capacity <= 256 ? stackalloc char[capacity] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(capacity));
        var length = KeyInto(name, buffer);
        var key = new string(buffer[..length]);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return key;
    }

    /// <summary>Writes the key of <paramref name="name"/> into <paramref name="destination"/> (at least <c>name.Length * ArabicNormalizer.MaxExpansion</c> long).</summary>
    public static int KeyInto(ReadOnlySpan<char> name, Span<char> destination)
    {
        var normalized = ArabicNormalizer.Normalize(name, destination, NormalizationOptions.Search);
        // Compacted in place: the write position never passes the read position.
        var written = 0;
        var pendingSpace = false;
        for (var i = 0; i < normalized; i++)
        {
            var c = destination[i];
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && written > 0) destination[written++] = ' ';
                pendingSpace = false;
                destination[written++] = c;
            }
            else pendingSpace = true;
        }
        return written;
    }

    /// <summary>The words of a key.</summary>
    public static string[] Words(string key) => key.Length == 0 ? [] : key.Split(' ');

    /// <summary>
    /// Readings of a key (or word) with a leading proclitic removed: و/ف, then ب/ل/ك, and لل read as ل + ال
    /// (للشرق → الشرق). A structural strip is only a hypothesis (بنغازي starts with ب), so callers try the form as
    /// written first and accept a reading only when it is itself a known name; the known names act as the lexicon
    /// that guards <see cref="CliticSegmenter"/> for ordinary words.
    /// </summary>
    public static List<(string Form, int Cut)> ProcliticReadings(string key)
    {
        var readings = new List<(string, int)>(3);
        Span<char> scratch = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        var enumerator = new ProcliticReadingEnumerator(key, scratch);
        while (enumerator.MoveNext()) readings.Add((enumerator.Form.ToString(), enumerator.Cut));
        return readings;
    }
}
