using Marsad.Text;

namespace Marsad.Search;

/// <summary>
/// The key under which a person or place is indexed and filtered: the name normalised for search, with a
/// conjunction or preposition clitic taken off its first word (وبنغازي and بنغازي share a key; the article ال stays,
/// as it is part of names like الشرق الليبي). The same function runs on the user's filter value.
/// </summary>
public static class EntityKey
{
    private const Proclitics Attached = Proclitics.Wa | Proclitics.Fa | Proclitics.Bi | Proclitics.Ka | Proclitics.Li;

    public static string Of(string name)
    {
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
}
