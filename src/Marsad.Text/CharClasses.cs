using System.Globalization;

namespace Marsad.Text;

internal static class CharClasses
{
    public static readonly CharClass[] Table = Build();

    private static CharClass[] Build()
    {
        var table = new CharClass[65536];
        for (var i = 0; i < table.Length; i++) table[i] = Classify((char)i);
        return table;
    }

    private static CharClass Classify(char c)
    {
        if (c is >= '0' and <= '9') return CharClass.AsciiDigit;
        if (c is (>= '\u0660' and <= '\u0669') or (>= '\u06F0' and <= '\u06F9')) return CharClass.ArabicDigit;
        if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z')) return CharClass.LatinLetter;
        if (c == '\u0640' || ArabicNormalizer.IsDiacritic(c) || c is '\u200C' or '\u200D') return CharClass.ArabicMark;
        if (char.IsHighSurrogate(c)) return CharClass.HighSurrogate;
        if (ArabicNormalizer.IsFormatControl(c) || char.IsWhiteSpace(c) || char.IsControl(c) || char.IsLowSurrogate(c)) return CharClass.Space;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        var arabicBlock = c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF')
            or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');
        switch (category)
        {
            case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter:
                if (arabicBlock) return CharClass.ArabicLetter;
                return c <= '\u024F' ? CharClass.LatinLetter : CharClass.OtherLetter;
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                return arabicBlock ? CharClass.ArabicMark : CharClass.Symbol;
            case UnicodeCategory.DecimalDigitNumber:
                return CharClass.OtherLetter;
            case UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.OtherPunctuation:
                return CharClass.Punctuation;
            default:
                return CharClass.Symbol;
        }
    }
}
