namespace Marsad.Text;

/// <summary>Proclitics found at the start of an Arabic word, outermost first: conjunction, preposition or future marker, article.</summary>
[Flags]
public enum Proclitics : byte
{
    None = 0,
    /// <summary>و "and".</summary>
    Wa = 1 << 0,
    /// <summary>ف "so, then".</summary>
    Fa = 1 << 1,
    /// <summary>ب "with, in".</summary>
    Bi = 1 << 2,
    /// <summary>ك "like".</summary>
    Ka = 1 << 3,
    /// <summary>ل "for, to".</summary>
    Li = 1 << 4,
    /// <summary>ال the definite article (written ل alone after ل, as in لل).</summary>
    Al = 1 << 5,
    /// <summary>س future marker before an imperfect verb.</summary>
    Sa = 1 << 6,
}
