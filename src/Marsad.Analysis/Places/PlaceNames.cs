using System.Text;
using Marsad.Text;

namespace Marsad.Analysis.Places;

/// <summary>
/// The one key under which names are indexed and looked up: Marsad's search normalisation (so أبو ظبي، ابو ظبى and
/// ابوظبي-with-diacritics meet) with words separated by a single space and punctuation dropped.
/// </summary>
public static class PlaceNames
{
    private const char Waw = '\u0648', Fa = '\u0641', Ba = '\u0628', Lam = '\u0644', Kaf = '\u0643', Alef = '\u0627';

    public static string Key(string name)
    {
        var normalized = ArabicNormalizer.Normalize(name, NormalizationOptions.Search);
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                pendingSpace = false;
                builder.Append(c);
            }
            else pendingSpace = true;
        }
        return builder.ToString();
    }

    /// <summary>The words of a key.</summary>
    public static string[] Words(string key) => key.Length == 0 ? [] : key.Split(' ');

    /// <summary>
    /// Readings of a key (or word) with a leading proclitic removed: و/ف, then ب/ل/ك, and لل read as ل + ال
    /// (للواء → اللواء). A structural strip is only a hypothesis (بنغازي starts with ب), so callers try the form as
    /// written first and accept a reading only when it is itself a known name; the known names act as the lexicon
    /// that guards <see cref="CliticSegmenter"/> for ordinary words.
    /// </summary>
    public static List<(string Form, int Cut)> ProcliticReadings(string key)
    {
        var readings = new List<(string, int)>(3);
        if (key.Length >= 3 && key[0] is Waw or Fa)
        {
            readings.Add((key[1..], 1));
            AddPrepositions(key[1..], 1, readings);
        }
        AddPrepositions(key, 0, readings);
        return readings;
    }

    private static void AddPrepositions(string form, int offset, List<(string, int)> readings)
    {
        if (form.Length < 3) return;
        if (form[0] == Lam && form[1] == Lam && form.Length > 3) readings.Add((string.Concat(Alef.ToString(), form.AsSpan(1)), offset + 1));
        if (form[0] is Ba or Lam or Kaf) readings.Add((form[1..], offset + 1));
    }
}
