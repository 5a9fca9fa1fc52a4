namespace Marsad.Analysis.Entities;

/// <summary>
/// The fixed BIO label inventory. Index 0 is O; B-X is 1 + 2k and I-X is 2 + 2k for type k, so the
/// decoder can test label validity with arithmetic instead of string work.
/// </summary>
internal static class NerLabels
{
    public static readonly string[] Types = ["PERS", "LOC", "ORG", "MISC"];
    public static readonly string[] Names = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];
    public const int Count = 9;

    public static bool IsTag(string s) => s == "O" || ((s.StartsWith("B-", StringComparison.Ordinal) || s.StartsWith("I-", StringComparison.Ordinal)) && s.Length > 2);

    public static int Index(string tag)
    {
        for (var i = 0; i < Names.Length; i++)
            if (string.Equals(Names[i], tag, StringComparison.Ordinal)) return i;
        // Corpora sometimes spell person as PER; anything else unknown is treated as outside.
        if (tag.EndsWith("-PER", StringComparison.Ordinal)) return tag[0] == 'B' ? 1 : 2;
        return 0;
    }

    public static bool IsInside(int label) => label != 0 && (label & 1) == 0;

    public static int TypeOf(int label) => (label - 1) >> 1;

    /// <summary>I-X may only follow B-X or I-X; everything else is free.</summary>
    public static bool Allowed(int previous, int next)
    {
        if (!IsInside(next)) return true;
        return previous != 0 && TypeOf(previous) == TypeOf(next);
    }
}
