namespace Marsad.Analysis.Sentences;

/// <summary>How strongly the punctuation after a word ends a sentence.</summary>
internal enum TerminalKind : byte
{
    None,

    /// <summary>. ! ? ؟ ۔ — the writer ended the sentence.</summary>
    Strong,

    /// <summary>An ellipsis: Arabic news also uses it as a pause inside quoted speech, so it only ends a sentence that is long enough.</summary>
    Weak,
}
