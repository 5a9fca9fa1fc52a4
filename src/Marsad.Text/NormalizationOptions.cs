namespace Marsad.Text;

/// <summary>Which foldings <see cref="ArabicNormalizer"/> applies. Every folding maps onto characters it never changes again, so any combination is idempotent.</summary>
[Flags]
public enum NormalizationOptions
{
    None = 0,

    /// <summary>Removes harakat, tanween, shadda, sukun, superscript alef, combining hamza/madda and Quranic annotation marks.</summary>
    Diacritics = 1 << 0,

    /// <summary>Removes tatweel (kashida), which only stretches a word visually.</summary>
    Tatweel = 1 << 1,

    /// <summary>
    /// Folds أ إ آ ٱ to bare ا. Hamza on waw (ؤ) and on ya (ئ) is kept: those letters carry the hamza as a
    /// distinct consonant seat and news spelling of them is stable, whereas alef-hamza is dropped inconsistently.
    /// </summary>
    Alef = 1 << 2,

    /// <summary>Folds alef maqsura ى to ي, since writers use the two interchangeably at word end.</summary>
    AlefMaqsura = 1 << 3,

    /// <summary>Folds taa marbuta ة to ه. Lossy (it merges feminine nouns with pronoun-suffixed forms), so only for search matching.</summary>
    TaaMarbuta = 1 << 4,

    /// <summary>Maps Arabic-Indic (٠-٩) and Persian (۰-۹) digits and the Arabic decimal/thousands separators to ASCII.</summary>
    Digits = 1 << 5,

    /// <summary>Maps Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) to base letters; ligatures expand to up to <see cref="ArabicNormalizer.MaxExpansion"/> characters.</summary>
    PresentationForms = 1 << 6,

    /// <summary>Removes ZWJ, ZWNJ, LRM, RLM, ALM, bidi embedding controls, soft hyphen and BOM.</summary>
    FormatControls = 1 << 7,

    /// <summary>Lower-cases Latin letters.</summary>
    LatinLowercase = 1 << 8,

    /// <summary>Folds Persian/Urdu letter variants that leak into Arabic text (ی→ي, ک→ك, ڪ→ك).</summary>
    PersianLetters = 1 << 9,

    /// <summary>Everything except the lossy taa marbuta folding: the form used for display-neutral storage and clitic analysis.</summary>
    Default = Diacritics | Tatweel | Alef | AlefMaqsura | Digits | PresentationForms | FormatControls | LatinLowercase | PersianLetters,

    /// <summary>Default plus taa marbuta folding, for matching queries against an index.</summary>
    Search = Default | TaaMarbuta,
}
