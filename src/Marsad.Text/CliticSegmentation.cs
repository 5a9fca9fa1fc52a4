namespace Marsad.Text;

/// <summary>
/// Where the clitics of one word are: the base is <c>word[ProcliticLength..^EncliticLength]</c>.
/// <see cref="ProcliticLength"/> counts written characters, so ل+ال in للمدينة is 2, not 3.
/// </summary>
public readonly record struct CliticSegmentation(Proclitics Proclitics, int ProcliticLength, Enclitic Enclitic, int EncliticLength)
{
    public static CliticSegmentation None => default;

    public bool HasClitics => ProcliticLength != 0 || EncliticLength != 0;

    /// <summary>The base of <paramref name="word"/>, the same word the segmentation was computed for.</summary>
    public ReadOnlySpan<char> Base(ReadOnlySpan<char> word) => word[ProcliticLength..(word.Length - EncliticLength)];
}
