using Marsad.Analysis.Reading;

namespace Marsad.Analysis.Dates;

/// <summary>
/// The words date expressions are built from, keyed by a folded form (hamza on alef, alef maqsura, ta marbuta,
/// diacritics and tatweel dropped), so one lookup covers <c>غداً</c>, <c>غدا</c> and <c>غدًا</c>.
/// Gregorian month names are not repeated here: they come from <see cref="DateLineParser"/>'s tables.
/// Words whose role is only ever to continue an expression (الماضي, نحو …) are looked up only after a trigger.
/// </summary>
internal static class DateLexicon
{
    /// <summary>Longest word worth folding: longer words cannot be in the tables.</summary>
    public const int MaxWordLength = 14;

    private static readonly Dictionary<string, DateWord> Words = Build();

    private static readonly Dictionary<string, DateWord>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Classifies a word, trying it whole and then without the conjunction و/ف and the prepositions ب/ك/ل before
    /// the article (وأمس، بالأمس، والأسبوع، للعام). <paramref name="skip"/> is how many leading chars are clitics
    /// that the mention's span should leave out (the conjunction; a preposition only when the article follows).
    /// </summary>
    public static DateWord Classify(ReadOnlySpan<char> word, out int skip)
    {
        skip = 0;
        if (word.Length > MaxWordLength + 2) return DateWord.None;
        Span<char> folded = stackalloc char[word.Length];
        var length = Fold(word, folded);
        if (length == 0) return DateWord.None;
        var key = folded[..length];
        if (Find(key, out var found)) return found;

        var lead = 0;
        if (key.Length > 3 && key[0] is 'و' or 'ف')
        {
            lead = 1;
            if (Find(key[1..], out found))
            {
                skip = 1;
                return found;
            }
        }
        var rest = key[lead..];
        if (rest.Length > 4 && rest[0] is 'ب' or 'ك' or 'ل' && rest[1] == 'ا' && rest[2] == 'ل' && Find(rest[1..], out found))
        {
            skip = lead + 1;
            return found;
        }
        if (rest.Length > 3 && rest[0] == 'ل' && rest[1] == 'ل')
        {
            // للعام = ل + العام with the article's alef elided: look up العام, keep the whole word in the span.
            Span<char> restored = stackalloc char[rest.Length];
            restored[0] = 'ا';
            rest[1..].CopyTo(restored[1..]);
            if (Find(restored, out found))
            {
                skip = lead;
                return found;
            }
        }
        return DateWord.None;
    }

    /// <summary>Folds <paramref name="word"/> into <paramref name="folded"/> and returns the folded length.</summary>
    public static int Fold(ReadOnlySpan<char> word, Span<char> folded)
    {
        var n = 0;
        foreach (var c in word)
        {
            if (c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640') continue;
            folded[n++] = c switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ى' => 'ي',
                'ة' => 'ه',
                >= 'A' and <= 'Z' => (char)(c + 32),
                _ => c,
            };
        }
        return n;
    }

    /// <summary>Looks up a two-word name already folded and joined by one space (كانون الثاني, ربيع الأول).</summary>
    public static DateWord ClassifyPair(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        if (first.Length + second.Length > 2 * MaxWordLength) return DateWord.None;
        Span<char> pair = stackalloc char[first.Length + 1 + second.Length];
        var n = Fold(first, pair);
        pair[n++] = ' ';
        n += Fold(second, pair[n..]);
        var key = pair[..n];
        if (DateLineParser.TryMonthFolded(key, out var month)) return new DateWord(DateWordKind.GregorianMonth, month);
        return Lookup.TryGetValue(key, out var word) && word.Kind == DateWordKind.HijriMonth ? word : DateWord.None;
    }

    private static bool Find(ReadOnlySpan<char> key, out DateWord word)
    {
        if (Lookup.TryGetValue(key, out word)) return true;
        if (DateLineParser.TryMonthFolded(key, out var month))
        {
            word = new DateWord(DateWordKind.GregorianMonth, month);
            return true;
        }
        return false;
    }

    private static Dictionary<string, DateWord> Build()
    {
        var map = new Dictionary<string, DateWord>(StringComparer.Ordinal);
        void Add(DateWord word, params string[] forms)
        {
            foreach (var form in forms)
            {
                var folded = new char[form.Length];
                var n = Fold(form, folded);
                map[new string(folded, 0, n)] = word;
            }
        }

        // Heads of two-word Levantine month names; the pair itself is in DateLineParser's table (Value 0 = head).
        Add(new(DateWordKind.GregorianMonth, 0), "كانون", "تشرين");

        Add(new(DateWordKind.HijriMonth, 1), "محرم");
        Add(new(DateWordKind.HijriMonth, 2), "صفر");
        Add(new(DateWordKind.HijriMonth, 3), "ربيع الأول", "ربيع أول");
        Add(new(DateWordKind.HijriMonth, 4), "ربيع الآخر", "ربيع الثاني", "ربيع ثاني");
        Add(new(DateWordKind.HijriMonth, 5), "جمادى الأولى", "جمادى الأول");
        Add(new(DateWordKind.HijriMonth, 6), "جمادى الآخرة", "جمادى الثانية", "جمادى الثاني", "جمادى الآخر");
        Add(new(DateWordKind.HijriMonth, 7), "رجب");
        Add(new(DateWordKind.HijriMonth, 8), "شعبان");
        Add(new(DateWordKind.HijriMonth, 9), "رمضان");
        Add(new(DateWordKind.HijriMonth, 10), "شوال");
        Add(new(DateWordKind.HijriMonth, 11), "ذو القعدة", "ذي القعدة");
        Add(new(DateWordKind.HijriMonth, 12), "ذو الحجة", "ذي الحجة");
        Add(new(DateWordKind.HijriMonthHead), "ربيع", "جمادى", "ذو", "ذي");
        Add(new(DateWordKind.HijriEra), "هـ", "ه", "هجري", "هجرية", "للهجرة");

        Add(new(DateWordKind.Weekday, (int)DayOfWeek.Sunday), "الأحد");
        Add(new(DateWordKind.Weekday, (int)DayOfWeek.Monday), "الإثنين", "الاثنين");
        Add(new(DateWordKind.Weekday, (int)DayOfWeek.Tuesday), "الثلاثاء");
        Add(new(DateWordKind.Weekday, (int)DayOfWeek.Wednesday), "الأربعاء");
        Add(new(DateWordKind.Weekday, (int)DayOfWeek.Thursday), "الخميس");
        Add(new(DateWordKind.Weekday, (int)DayOfWeek.Friday), "الجمعة");
        Add(new(DateWordKind.Weekday, (int)DayOfWeek.Saturday), "السبت");
        Add(new(DateWordKind.DayPart), "يوم", "صباح", "مساء", "ليلة", "ظهر", "فجر", "عصر", "صبيحة", "ظهيرة");

        Add(new(DateWordKind.Yesterday), "أمس", "الأمس", "البارحة");
        Add(new(DateWordKind.First), "أول");
        Add(new(DateWordKind.Today), "اليوم");
        // غدا stands alone; غد and الغد (also "the future", as in party names) only after يوم/صباح/بعد.
        Add(new(DateWordKind.Tomorrow, 0), "غدا");
        Add(new(DateWordKind.Tomorrow, 1), "غد", "الغد");
        Add(new(DateWordKind.After), "بعد");
        Add(new(DateWordKind.Tonight), "الليلة");
        Add(new(DateWordKind.This), "هذا", "هذه");

        Add(new(DateWordKind.DefiniteUnit, (int)DateUnit.Week), "الأسبوع");
        Add(new(DateWordKind.DefiniteUnit, (int)DateUnit.Month), "الشهر");
        Add(new(DateWordKind.DefiniteUnit, (int)DateUnit.Year), "العام", "السنة");
        Add(new(DateWordKind.DefinitePluralUnit, (int)DateUnit.Day), "الأيام");
        Add(new(DateWordKind.DefinitePluralUnit, (int)DateUnit.Week), "الأسابيع");
        Add(new(DateWordKind.DefinitePluralUnit, (int)DateUnit.Month), "الأشهر", "الشهور");
        Add(new(DateWordKind.DefinitePluralUnit, (int)DateUnit.Year), "السنوات", "الأعوام", "السنين");
        Add(new(DateWordKind.DefiniteDualUnit, (int)DateUnit.Day), "اليومين");
        Add(new(DateWordKind.DefiniteDualUnit, (int)DateUnit.Week), "الأسبوعين");
        Add(new(DateWordKind.DefiniteDualUnit, (int)DateUnit.Month), "الشهرين");
        Add(new(DateWordKind.DefiniteDualUnit, (int)DateUnit.Year), "العامين", "السنتين");

        // Count nouns after منذ/قبل: singular (one), dual (two), accusative after numerals, vague plural.
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Day, 1), "يوما");
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Day, 2), "يومين");
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Day, 0), "أيام");
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Week, 1), "أسبوع", "أسبوعا");
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Week, 2), "أسبوعين");
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Week, 0), "أسابيع");
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Month, 1), "شهر", "شهرا");
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Month, 2), "شهرين");
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Month, 0), "أشهر", "شهور");
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Year, 1), "عام", "عاما", "سنة", "سنه");
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Year, 2), "عامين", "سنتين");
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Year, 0), "أعوام", "سنوات", "سنين");
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Decade, 1), "عقد", "عقدا");
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Decade, 2), "عقدين");
        Add(new(DateWordKind.CountUnit, (int)DateUnit.Decade, 0), "عقود");

        Add(new(DateWordKind.Past), "الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "المنقضي",
            "السابق", "السابقة", "الأخير", "الأخيرة", "الماضيين", "الماضيتين", "الأخيرين", "المنصرمين");
        Add(new(DateWordKind.Current), "الجاري", "الجارية", "الحالي", "الحالية");
        Add(new(DateWordKind.Next), "المقبل", "المقبلة", "القادم", "القادمة", "المقبلين", "القادمين", "المقبلتين");

        Add(new(DateWordKind.Portion, (int)DatePortion.Early), "مطلع", "بداية", "أوائل", "مستهل", "بدايات", "مطالع");
        Add(new(DateWordKind.Portion, (int)DatePortion.Middle), "منتصف", "أواسط", "وسط");
        Add(new(DateWordKind.Portion, (int)DatePortion.Late), "أواخر", "نهاية", "ختام", "آخر", "نهايات");

        Add(new(DateWordKind.Since), "منذ", "قبل");
        Add(new(DateWordKind.About), "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "قرب", "تقريبا", "يقارب", "ما");
        Add(new(DateWordKind.More), "أكثر", "أقل", "يزيد", "من", "عن");
        Add(new(DateWordKind.Few), "بضعة", "بضع", "عدة", "بضعه");
        Add(new(DateWordKind.YearContext), "في", "خلال", "حتى", "بحلول", "طوال", "طيلة", "بين", "و", "إلى", "الى");

        string[][] numbers =
        [
            ["واحد", "واحدة"], ["اثنين", "اثنان", "اثنتين", "اثنتان"], ["ثلاث", "ثلاثة"], ["أربع", "أربعة"],
            ["خمس", "خمسة"], ["ست", "ستة"], ["سبع", "سبعة"], ["ثماني", "ثمانية", "ثمان"], ["تسع", "تسعة"], ["عشر", "عشرة"],
        ];
        for (var i = 0; i < numbers.Length; i++) Add(new(DateWordKind.Number, i + 1), numbers[i]);
        Add(new(DateWordKind.Number, 20), "عشرين", "عشرون");
        Add(new(DateWordKind.Number, 30), "ثلاثين", "ثلاثون");
        return map;
    }
}
