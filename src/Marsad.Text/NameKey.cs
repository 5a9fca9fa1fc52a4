namespace Marsad.Text;

/// <summary>
/// The key under which a name (a person, a place, an actor) is filtered: the name normalised for search, with a
/// conjunction or preposition clitic taken off its first word (وبنغازي and بنغازي share a key; the article ال stays,
/// as it is part of names like الشرق الليبي). The same function runs on the stored name and on the user's filter.
/// </summary>
public static class NameKey
{
    private const Proclitics Attached = Proclitics.Wa | Proclitics.Fa | Proclitics.Bi | Proclitics.Ka | Proclitics.Li;

    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalized = ArabicNormalizer.Normalize(name.Trim());
        var space = normalized.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? normalized : normalized[..space];
        var clitics = CliticSegmenter.Default.Segment(first);
        if ((clitics.Proclitics & Attached) == 0) return ArabicNormalizer.Normalize(normalized, NormalizationOptions.Search);
        // Each of these proclitics is one letter, written before any article; لل is ل + the article written ل alone.
        var rest = first[System.Numerics.BitOperations.PopCount((uint)(clitics.Proclitics & Attached))..];
        if ((clitics.Proclitics & Proclitics.Al) != 0 && !rest.StartsWith("ال", StringComparison.Ordinal)) rest = "ا" + rest;
        return ArabicNormalizer.Normalize(space < 0 ? rest : rest + normalized[space..], NormalizationOptions.Search);
    }

    /// <summary>
    /// Each word of <paramref name="name"/> keyed on its own (clitics off every word, not only the first), single-spaced:
    /// what a filter matching whole words inside a longer name compares (حفتر inside قوات خليفة حفتر, لحفتر = حفتر).
    /// </summary>
    public static string Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var keys = new List<string>(words.Length);
        foreach (var word in words)
        {
            var key = Of(word);
            if (key.Length > 0) keys.Add(key);
        }
        return string.Join(' ', keys);
    }
}
