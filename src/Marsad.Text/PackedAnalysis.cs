namespace Marsad.Text;

/// <summary>
/// A <see cref="WordAnalysis"/> squeezed into 32 bits for the caches. Bit 31 marks a filled value so the zeroed
/// state of a fresh cache entry never reads as a valid analysis.
/// </summary>
internal readonly record struct PackedAnalysis(uint Bits)
{
    private const uint Filled = 1u << 31;

    public bool IsFilled => (Bits & Filled) != 0;

    public static PackedAnalysis From(WordAnalysis analysis)
    {
        var c = analysis.Clitics;
        var bits = Filled
            | (uint)c.Proclitics
            | (uint)c.ProcliticLength << 7
            | (uint)c.Enclitic << 10
            | (uint)c.EncliticLength << 14
            | (uint)Math.Min(analysis.StemLength, 255) << 16
            | (analysis.IsStopWord ? 1u << 24 : 0);
        return new PackedAnalysis(bits);
    }

    public WordAnalysis Unpack()
    {
        var clitics = new CliticSegmentation((Proclitics)(Bits & 0x7F), (int)(Bits >> 7) & 0x7, (Enclitic)((Bits >> 10) & 0xF), (int)(Bits >> 14) & 0x3);
        return new WordAnalysis(clitics, clitics.ProcliticLength, (int)(Bits >> 16) & 0xFF, (Bits & (1u << 24)) != 0);
    }
}
