namespace Marsad.Analysis.Entities;

/// <summary>
/// Orthographic normalisation and light proclitic splitting used by the NER features. Kept private to the
/// recogniser so that the model file stays valid whatever the shared text pipeline later changes.
/// </summary>
internal static class ArabicForms
{
    /// <summary>Writes the normalised form of <paramref name="token"/> into <paramref name="output"/> and returns its length.</summary>
    /// <remarks>
    /// Diacritics and tatweel are dropped; alef variants, alef maqsura and ta marbuta are unified because news
    /// writers use them inconsistently for the same name; Arabic-Indic digits become ASCII; Latin is lower-cased.
    /// </remarks>
    public static int Normalize(ReadOnlySpan<char> token, Span<char> output)
    {
        var n = 0;
        foreach (var c in token)
        {
            if (n == output.Length) break;
            switch (c)
            {
                case >= '\u064B' and <= '\u065F':
                case '\u0670':
                case '\u0640':
                    continue;
                case '\u0623' or '\u0625' or '\u0622' or '\u0671':
                    output[n++] = '\u0627';
                    break;
                case '\u0649':
                    output[n++] = '\u064A';
                    break;
                case '\u0629':
                    output[n++] = '\u0647';
                    break;
                case >= '\u0660' and <= '\u0669':
                    output[n++] = (char)('0' + (c - '\u0660'));
                    break;
                case >= '\u06F0' and <= '\u06F9':
                    output[n++] = (char)('0' + (c - '\u06F0'));
                    break;
                case >= 'A' and <= 'Z':
                    output[n++] = (char)(c + 32);
                    break;
                default:
                    output[n++] = c;
                    break;
            }
        }
        return n;
    }

    public static string Normalize(string token)
    {
        Span<char> buffer = token.Length <= 128 ? stackalloc char[token.Length] : new char[token.Length];
        var n = Normalize(token, buffer);
        return new string(buffer[..n]);
    }

    /// <summary>
    /// Splits the proclitics off a normalised word: an optional conjunction (و ف), an optional preposition
    /// (ب ك ل) and an optional article (ال, or the ل of لل). Returns the length of the conjunction+preposition
    /// part and, through <paramref name="bareStart"/>, where the article-less stem starts.
    /// <paramref name="lilAssimilated"/> is set for لل where the article's alef was elided, so callers can
    /// rebuild the form with the article as ال + stem.
    /// </summary>
    /// <remarks>A stem must keep at least two letters, which stops short words such as ولد or بلد from being shredded.</remarks>
    public static int SplitProclitics(ReadOnlySpan<char> word, out int bareStart, out bool lilAssimilated)
    {
        const int MinStem = 2;
        lilAssimilated = false;
        var i = 0;
        if (word.Length - i > MinStem + 1 && (word[i] == '\u0648' || word[i] == '\u0641')) i++;
        if (word.Length - i > MinStem + 1 && (word[i] == '\u0628' || word[i] == '\u0643' || word[i] == '\u0644'))
        {
            // لل = ل + ال with the alef dropped.
            if (word[i] == '\u0644' && word[i + 1] == '\u0644' && word.Length - i - 2 >= MinStem)
            {
                lilAssimilated = true;
                bareStart = i + 2;
                return i + 1;
            }
            // Only take the preposition when an article follows or the word is long enough to be a clitic host;
            // otherwise names such as بغداد or لندن lose their first letter.
            if (word.Length - i > MinStem + 2 && word[i + 1] == '\u0627' && word[i + 2] == '\u0644')
                i++;
        }
        var clitics = i;
        if (word.Length - i >= MinStem + 2 && word[i] == '\u0627' && word[i + 1] == '\u0644')
            i += 2;
        bareStart = i;
        return clitics;
    }

    /// <summary>
    /// Whether a normalised word links the parts of a name (بن، ابن، بنت، آل، أبو، أم، عبد): inside an entity such
    /// a word is never its last token (حمد بن خليفة آل ثاني), which ANERcorp's labels bear out.
    /// </summary>
    public static bool IsNameLink(ReadOnlySpan<char> normalized) =>
        normalized is "بن" or "ابن" or "بنت" or "ال" or "ابو" or "ام" or "عبد";

    /// <summary>Coarse character class used by the shape features.</summary>
    public static char ShapeClass(char c) => c switch
    {
        >= '0' and <= '9' => 'd',
        >= 'a' and <= 'z' => 'l',
        >= '\u0621' and <= '\u064A' => 'a',
        _ when char.IsPunctuation(c) || char.IsSymbol(c) => 'p',
        _ => 'x',
    };
}
