namespace Marsad.Analysis.Reading;

/// <summary>
/// Recognises a line that is nothing but a date, as written at the top of Arabic news articles and in
/// feed metadata: <c>13/02/2018</c>, <c>13-02-2018</c>, <c>2018-02-13</c>, <c>2015-07-27 18:39:22</c>,
/// ISO 8601 with a <c>T</c> time and offset, RFC 1123 (<c>Tue, 20 Feb 2018 01:44:01 GMT</c>), and
/// <c>13 فبراير 2018</c> with Egyptian, Levantine (<c>شباط</c>) or Maghreb (<c>فيفري</c>) month names.
/// Arabic-Indic and Persian digits count as digits. Numeric dates are day-first, as Arabic papers write them.
/// The whole span must be the date: a body line that merely starts with one is not a date line.
/// The date is the calendar day as written; time zones are not applied, so a story is filed on the day its
/// source printed.
/// </summary>
public static class DateLineParser
{
    private const int MinYear = 1800;
    private const int MaxYear = 2200;

    // Keys are folded (hamza on alef, alef maqsura, ta marbuta, Latin case) so that one lookup after
    // FoldMonthName finds every common spelling; two-word Levantine names are stored with one space.
    private static readonly Dictionary<string, int> MonthNames = BuildMonthNames();

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup =
        MonthNames.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        "السبت", "الأحد", "الاحد", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup =
        Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryParse(ReadOnlySpan<char> line, out DateOnly date)
    {
        date = default;
        var s = line.Trim();
        if (s.IsEmpty || s.Length > 64) return false;
        s = SkipWeekday(s);
        if (s.IsEmpty) return false;
        return IsDigit(s[0]) ? TryNumeric(s, out date) : TryNamedMonthFirst(s, out date);
    }

    public static DateOnly? Parse(ReadOnlySpan<char> line) => TryParse(line, out var d) ? d : null;

    /// <summary>
    /// Month number for a name already folded as <see cref="FoldMonthName"/> folds (two-word Levantine names with
    /// one space), so the date extractor for article bodies shares these tables instead of copying them.
    /// </summary>
    internal static bool TryMonthFolded(ReadOnlySpan<char> folded, out int month) => MonthLookup.TryGetValue(folded, out month);

    private static ReadOnlySpan<char> SkipWeekday(ReadOnlySpan<char> s)
    {
        if (IsDigit(s[0])) return s;
        var end = 0;
        while (end < s.Length && char.IsLetter(s[end])) end++;
        if (end == 0 || !WeekdayLookup.Contains(s[..end])) return s;
        var rest = s[end..].TrimStart();
        if (!rest.IsEmpty && (rest[0] == ',' || rest[0] == '،')) rest = rest[1..].TrimStart();
        return rest;
    }

    private static bool TryNumeric(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        var pos = 0;
        var first = ReadNumber(s, ref pos, out var firstLen);
        if (firstLen == 0 || pos >= s.Length) return false;

        var sep = s[pos];
        if (sep is '/' or '-' or '.')
        {
            pos++;
            var second = ReadNumber(s, ref pos, out var secondLen);
            if (secondLen == 0 || secondLen > 2 || pos >= s.Length || s[pos] != sep) return false;
            pos++;
            var third = ReadNumber(s, ref pos, out var thirdLen);
            if (thirdLen == 0) return false;
            int y, m, d;
            if (firstLen == 4 && thirdLen <= 2) (y, m, d) = (first, second, third);
            else if (firstLen <= 2 && thirdLen == 4) (y, m, d) = (third, second, first);
            else return false;
            return TryTail(s[pos..]) && TryMake(y, m, d, out date);
        }

        // "13 فبراير 2018" and "13 Feb 2018 01:44:01 GMT"
        if (firstLen > 2) return false;
        var rest = s[pos..].TrimStart();
        if (rest.IsEmpty || !TryReadMonthName(rest, out var month, out var used)) return false;
        rest = SkipMonthSeparator(rest[used..]);
        var ypos = 0;
        var year = ReadNumber(rest, ref ypos, out var yearLen);
        if (yearLen != 4) return false;
        return TryTail(rest[ypos..]) && TryMake(year, month, first, out date);
    }

    // "فبراير 13, 2018" and "February 13, 2018": month-first forms seen in English-language feeds.
    private static bool TryNamedMonthFirst(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (!TryReadMonthName(s, out var month, out var used)) return false;
        var rest = s[used..].TrimStart();
        var pos = 0;
        var day = ReadNumber(rest, ref pos, out var dayLen);
        if (dayLen is 0 or > 2) return false;
        rest = rest[pos..].TrimStart();
        if (!rest.IsEmpty && rest[0] == ',') rest = rest[1..].TrimStart();
        pos = 0;
        var year = ReadNumber(rest, ref pos, out var yearLen);
        if (yearLen != 4) return false;
        return TryTail(rest[pos..]) && TryMake(year, month, day, out date);
    }

    private static ReadOnlySpan<char> SkipMonthSeparator(ReadOnlySpan<char> s)
    {
        s = s.TrimStart();
        if (!s.IsEmpty && (s[0] == ',' || s[0] == '،')) s = s[1..].TrimStart();
        return s;
    }

    private static bool TryReadMonthName(ReadOnlySpan<char> s, out int month, out int used)
    {
        month = 0;
        used = 0;
        var end = 0;
        while (end < s.Length && (char.IsLetter(s[end]) || s[end] == '.')) end++;
        if (end == 0 || end > 16) return false;

        // "كانون الثاني", "تشرين الأول": try the two-word name before the single word.
        var next = end;
        while (next < s.Length && s[next] == ' ') next++;
        var end2 = next;
        while (end2 < s.Length && char.IsLetter(s[end2])) end2++;
        if (next > end && end2 > next && end2 <= 32)
        {
            Span<char> pair = stackalloc char[end + 1 + (end2 - next)];
            FoldMonthName(s[..end], pair);
            pair[end] = ' ';
            FoldMonthName(s[next..end2], pair[(end + 1)..]);
            if (MonthLookup.TryGetValue(pair, out month))
            {
                used = end2;
                return true;
            }
        }

        var word = s[..end].TrimEnd('.');
        Span<char> folded = stackalloc char[word.Length];
        FoldMonthName(word, folded);
        if (!MonthLookup.TryGetValue(folded, out month)) return false;
        used = end;

        // Levantine papers often print both names: "شباط/فبراير" or "شباط (فبراير)".
        var rest = s[used..];
        var trimmed = rest.TrimStart();
        if (!trimmed.IsEmpty && (trimmed[0] == '/' || trimmed[0] == '(' || trimmed[0] == '-'))
        {
            var close = trimmed[0] == '(' ? ')' : '\0';
            var inner = trimmed[1..].TrimStart();
            var innerEnd = 0;
            while (innerEnd < inner.Length && char.IsLetter(inner[innerEnd])) innerEnd++;
            if (innerEnd > 0 && innerEnd <= 16)
            {
                Span<char> f2 = stackalloc char[innerEnd];
                FoldMonthName(inner[..innerEnd], f2);
                if (MonthLookup.TryGetValue(f2, out var m2) && m2 == month)
                {
                    var after = inner[innerEnd..].TrimStart();
                    if (close != '\0')
                    {
                        if (after.IsEmpty || after[0] != close) return true;
                        after = after[1..];
                    }
                    used = s.Length - after.Length;
                }
            }
        }
        return true;
    }

    // Accepts nothing, an era marker (م or مـ), or a time of day with an optional zone.
    private static bool TryTail(ReadOnlySpan<char> tail)
    {
        tail = tail.Trim();
        if (tail.IsEmpty) return true;
        if (tail is "م" or "م." or "مـ") return true;
        if (tail[0] == 'T' || tail[0] == ',') tail = tail[1..].TrimStart();
        if (IsCompactTime(tail)) return true;
        var pos = 0;
        if (!ReadTimePart(tail, ref pos) || pos >= tail.Length || tail[pos] != ':') return false;
        var hourPos = 0;
        if (ReadNumber(tail, ref hourPos, out _) > 23) return false;
        pos++;
        if (!ReadTimePart(tail, ref pos)) return false;
        if (pos < tail.Length && tail[pos] == ':')
        {
            pos++;
            if (!ReadTimePart(tail, ref pos)) return false;
            if (pos < tail.Length && tail[pos] == '.')
            {
                pos++;
                var fracStart = pos;
                while (pos < tail.Length && IsDigit(tail[pos])) pos++;
                if (pos == fracStart) return false;
            }
        }
        return IsZone(tail[pos..].Trim());
    }

    // Basic ISO 8601 time without separators, e.g. "T204600".
    private static bool IsCompactTime(ReadOnlySpan<char> s)
    {
        if (s.Length is not (4 or 6)) return false;
        foreach (var c in s)
            if (!IsDigit(c)) return false;
        return true;
    }

    private static bool ReadTimePart(ReadOnlySpan<char> s, ref int pos)
    {
        var start = pos;
        var value = ReadNumber(s, ref pos, out var len);
        return len is 1 or 2 && value < 60 && pos > start;
    }

    private static bool IsZone(ReadOnlySpan<char> z)
    {
        if (z.IsEmpty || z is "Z" || z.Equals("GMT", StringComparison.OrdinalIgnoreCase) ||
            z.Equals("UTC", StringComparison.OrdinalIgnoreCase))
            return true;
        if (z.Equals("AM", StringComparison.OrdinalIgnoreCase) || z.Equals("PM", StringComparison.OrdinalIgnoreCase) ||
            z is "ص" or "م")
            return true;
        if (z[0] is not ('+' or '-') || z.Length < 3) return false;
        var digits = 0;
        for (var i = 1; i < z.Length; i++)
        {
            if (IsDigit(z[i])) digits++;
            else if (z[i] != ':' || i != 3) return false;
        }
        return digits is 2 or 4;
    }

    private static bool TryMake(int y, int m, int d, out DateOnly date)
    {
        date = default;
        if (y < MinYear || y > MaxYear || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    private static int ReadNumber(ReadOnlySpan<char> s, ref int pos, out int length)
    {
        var value = 0;
        length = 0;
        while (pos < s.Length && length < 5 && DigitValue(s[pos]) is var dv && dv >= 0)
        {
            value = value * 10 + dv;
            pos++;
            length++;
        }
        if (pos < s.Length && length == 5 && DigitValue(s[pos]) >= 0) length = 6;
        return value;
    }

    private static bool IsDigit(char c) => DigitValue(c) >= 0;

    internal static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\u0660' and <= '\u0669' => c - '\u0660',
        >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
        _ => -1,
    };

    private static void FoldMonthName(ReadOnlySpan<char> word, Span<char> folded)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            folded[i] = c switch
            {
                'أ' or 'إ' or 'آ' => 'ا',
                'ى' => 'ي',
                'ة' => 'ه',
                >= 'A' and <= 'Z' => (char)(c + 32),
                _ => c,
            };
        }
    }

    private static Dictionary<string, int> BuildMonthNames()
    {
        string[][] names =
        [
            ["يناير", "كانون الثاني", "جانفي", "january", "jan"],
            ["فبراير", "شباط", "فيفري", "february", "feb"],
            ["مارس", "اذار", "آذار", "march", "mar"],
            ["ابريل", "أبريل", "إبريل", "نيسان", "افريل", "أفريل", "april", "apr"],
            ["مايو", "ايار", "أيار", "ماي", "may"],
            ["يونيو", "يونيه", "حزيران", "جوان", "june", "jun"],
            ["يوليو", "يوليه", "تموز", "جويلية", "جويليه", "july", "jul"],
            ["اغسطس", "أغسطس", "آب", "اب", "أوت", "اوت", "august", "aug"],
            ["سبتمبر", "ايلول", "أيلول", "september", "sep", "sept"],
            ["اكتوبر", "أكتوبر", "تشرين الأول", "october", "oct"],
            ["نوفمبر", "تشرين الثاني", "november", "nov"],
            ["ديسمبر", "كانون الأول", "december", "dec"],
        ];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < names.Length; m++)
        {
            foreach (var name in names[m])
            {
                var folded = new char[name.Length];
                FoldMonthName(name, folded);
                map[new string(folded)] = m + 1;
            }
        }
        return map;
    }
}
