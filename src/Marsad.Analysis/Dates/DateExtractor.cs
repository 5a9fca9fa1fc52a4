using Marsad.Analysis.Reading;

namespace Marsad.Analysis.Dates;

/// <summary>
/// Finds date expressions in an Arabic article body and resolves them to Gregorian intervals.
/// <list type="bullet">
/// <item>Absolute: <c>13/02/2018</c>, <c>2018-02-13</c>, <c>13 فبراير 2018</c>, <c>شباط/فبراير 2018</c>,
/// <c>نيسان أبريل 2016</c>, <c>عام 2016</c>, <c>في 2014</c>; numeric dates are day-first as Arabic papers write
/// them, and impossible dates (<c>31/02/2018</c>) are consumed without a mention. Month names come from
/// <see cref="DateLineParser"/> (Egyptian, Levantine and Maghreb names).</item>
/// <item>Hijri: <c>15 رمضان 1439</c>, <c>محرم 1440 هـ</c>, <c>1439 هـ</c>, converted with the Umm al-Qura
/// calendar (the one Saudi Arabia publishes) and flagged <c>hijri</c>.</item>
/// <item>Relative, resolved against the article date (the anchor): أمس، أول أمس، اليوم، غدا، الليلة، weekdays,
/// هذا الأسبوع، الشهر الماضي، العام المقبل، منذ نحو عامين، قبل أشهر، خلال الأيام الماضية، مطلع الشهر الماضي …
/// A day and month without a year take the year that puts them nearest the anchor.</item>
/// </list>
/// Conventions. Weeks run Sunday to Saturday: the working week in Egypt, the Gulf, Libya, Iraq and Jordan is
/// Sunday–Thursday and the Friday–Saturday weekend closes it, so "نهاية الأسبوع الماضي" is one Friday–Saturday pair
/// inside one week; a Saturday- or Monday-based week would split that weekend across two weeks (Maghreb papers
/// with a Saturday–Sunday weekend are the exception this choice gets wrong by a day). A week's ISO value
/// (<c>2018-W06</c>) is the ISO week holding its midpoint, which shares six of its seven days. A bare weekday is the
/// anchor day itself or the nearest one before it (news reports what happened); with الماضي it is strictly before,
/// with المقبل/القادم strictly after. Vague counts (أيام، أشهر، بضعة) are the Arabic plural of paucity, 3 to 10 units
/// back; "نحو N" widens the point by an eighth of the span either side. When there is no anchor, relative expressions
/// are still reported, unresolved (From, To and Value null), rather than guessed from today's date.
/// Speed: only tokens that can start an expression (a digit run or a word in <see cref="DateLexicon"/>) are looked
/// at further; every other token costs one fold and one dictionary probe.
/// </summary>
public static class DateExtractor
{
    private const int MinYear = 1900;
    private const int MaxYear = 2100;

    [ThreadStatic] private static DateToken[]? s_tokens;

    public static List<DateMention> Extract(string text, DateOnly? anchor)
    {
        var mentions = new List<DateMention>();
        var tokens = Tokenize(text, out var count);
        var scanner = new Scanner(text, tokens, count, anchor);
        for (var i = 0; i < count; i++)
        {
            if (tokens[i].Shape == DateTokenShape.Symbol) continue;
            if (!scanner.TryMatch(i, out var hit, out var startChar)) continue;
            if (!hit.Reject)
            {
                var end = tokens[hit.End - 1].End;
                mentions.Add(new DateMention(startChar, end, text[startChar..end], hit.From, hit.To, hit.Precision,
                    hit.Hijri ? DateMention.Hijri : DateMention.Gregorian, hit.Relative)
                {
                    Value = hit.From is { } f && hit.To is { } t ? DateSpans.Value(f, t, hit.Grain) : null,
                });
            }
            i = hit.End - 1;
        }
        return mentions;
    }

    private static DateToken[] Tokenize(string text, out int count)
    {
        var tokens = s_tokens ??= new DateToken[1024];
        count = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            DateToken token;
            if (DateLineParser.DigitValue(c) >= 0)
            {
                var value = 0;
                while (i < text.Length && DateLineParser.DigitValue(text[i]) is var d && d >= 0)
                {
                    if (i - start < 6) value = value * 10 + d;
                    i++;
                }
                token = new DateToken(start, i, DateTokenShape.Number, value, i - start);
            }
            else if (IsWordChar(c))
            {
                while (i < text.Length && IsWordChar(text[i])) i++;
                token = new DateToken(start, i, DateTokenShape.Word);
            }
            else
            {
                i++;
                token = new DateToken(start, i, DateTokenShape.Symbol);
            }
            if (count == tokens.Length)
            {
                Array.Resize(ref tokens, tokens.Length * 2);
                s_tokens = tokens;
            }
            tokens[count++] = token;
        }
        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c is >= '\u064B' and <= '\u065F' or '\u0670';

    /// <summary>The matchers over one body's tokens; token indices past the end read as nothing.</summary>
    private sealed class Scanner(string text, DateToken[] tokens, int count, DateOnly? anchor)
    {
        public bool TryMatch(int i, out DateHit hit, out int startChar)
        {
            startChar = tokens[i].Start;
            if (tokens[i].Shape == DateTokenShape.Number)
            {
                if (TryNumericDate(i, out hit) || TryDayMonth(i, out hit)) return true;
                if (TryYear(i, out hit))
                {
                    return true;
                }
                return false;
            }
            var word = Word(i, out var skip);
            startChar += skip;
            return TryWord(i, word, out hit);
        }

        private DateWord Word(int i, out int skip)
        {
            skip = 0;
            if (i >= count || tokens[i].Shape != DateTokenShape.Word) return DateWord.None;
            var t = tokens[i];
            return DateLexicon.Classify(text.AsSpan(t.Start, t.End - t.Start), out skip);
        }

        private DateWord Word(int i) => Word(i, out _);

        private bool IsNumber(int i) => i < count && tokens[i].Shape == DateTokenShape.Number;

        private bool IsSymbol(int i, char c) => i < count && tokens[i].Shape == DateTokenShape.Symbol && text[tokens[i].Start] == c;

        private bool Adjacent(int i) => i < count && i > 0 && tokens[i].Start == tokens[i - 1].End;

        private bool TryWord(int i, DateWord word, out DateHit hit)
        {
            hit = default;
            switch (word.Kind)
            {
                case DateWordKind.GregorianMonth:
                case DateWordKind.HijriMonth:
                case DateWordKind.HijriMonthHead:
                    return TryMonthYear(i, out hit);
                case DateWordKind.Weekday:
                    // "صلاة الجمعة", "خطبة الجمعة" name the Friday prayer, not a day.
                    if (word.Value == (int)DayOfWeek.Friday && i > 0 && tokens[i - 1].Shape == DateTokenShape.Word &&
                        Fold(i - 1) is "صلاه" or "خطبه" or "وصلاه" or "لصلاه" or "بصلاه")
                        return false;
                    return TryWeekday(i, word.Value, out hit);
                case DateWordKind.DayPart:
                    return TryDayPart(i, out hit);
                case DateWordKind.Yesterday:
                    // "أمس الأول" is the day before yesterday.
                    return Word(i + 1) is { Kind: DateWordKind.Portion, Value: (int)DatePortion.Early } ||
                        IsFirstWord(i + 1)
                        ? Days(i + 2, -2, out hit)
                        : Days(i + 1, -1, out hit);
                case DateWordKind.First:
                    if (Word(i + 1).Kind == DateWordKind.Yesterday) return Days(i + 2, -2, out hit);
                    if (Word(i + 1).Kind == DateWordKind.More && Word(i + 2).Kind == DateWordKind.Yesterday)
                        return Days(i + 3, -2, out hit);
                    return false;
                case DateWordKind.Today:
                    if (Word(i + 1) is { Kind: DateWordKind.Weekday }) return Days(i + 2, 0, out hit);
                    // "اليوم التالي", "اليوم الأول", "اليوم العالمي": a day named by what follows, not today.
                    if (StartsWithArticle(i + 1)) return false;
                    return Days(i + 1, 0, out hit);
                case DateWordKind.Tomorrow:
                    return word.Value == 0 && Days(i + 1, 1, out hit);
                case DateWordKind.After:
                    return Word(i + 1).Kind == DateWordKind.Tomorrow && Days(i + 2, 2, out hit);
                case DateWordKind.Tonight:
                    return Word(i + 1).Kind == DateWordKind.Past ? Days(i + 2, -1, out hit) : Days(i + 1, 0, out hit);
                case DateWordKind.This:
                    return Word(i + 1) is { Kind: DateWordKind.DefiniteUnit } unit && Period(i + 2, (DateUnit)unit.Value, 0, out hit);
                case DateWordKind.DefiniteUnit:
                    return TryDefiniteUnit(i, (DateUnit)word.Value, requireModifier: true, out hit);
                case DateWordKind.CountUnit when word.Count == 1 && word.Value == (int)DateUnit.Year:
                    return TryYearAfterNoun(i, out hit);
                case DateWordKind.CountUnit when word.Count == 1 && word.Value == (int)DateUnit.Month:
                    // "شهر أبريل", "شهر رمضان 1439"
                    return Word(i + 1).Kind is DateWordKind.GregorianMonth or DateWordKind.HijriMonth or DateWordKind.HijriMonthHead &&
                        TryMonthYear(i + 1, out hit);
                case DateWordKind.DefinitePluralUnit:
                case DateWordKind.DefiniteDualUnit:
                    return TryRecentSpan(i, word, out hit);
                case DateWordKind.Portion:
                    return TryPortion(i, (DatePortion)word.Value, out hit);
                case DateWordKind.Since:
                    return TryAgo(i, out hit);
                default:
                    return false;
            }
        }

        private bool IsFirstWord(int i) => Word(i).Kind == DateWordKind.First ||
            i < count && tokens[i].Shape == DateTokenShape.Word && Fold(i) is "الاول";

        private string Fold(int i)
        {
            var t = tokens[i];
            Span<char> buffer = stackalloc char[Math.Min(t.End - t.Start, 32)];
            var n = DateLexicon.Fold(text.AsSpan(t.Start, buffer.Length), buffer);
            return new string(buffer[..n]);
        }

        private bool StartsWithArticle(int i) =>
            i < count && tokens[i].Shape == DateTokenShape.Word && tokens[i].End - tokens[i].Start > 3 &&
            text[tokens[i].Start] == 'ا' && text[tokens[i].Start + 1] == 'ل';

        // ---- absolute dates ----

        private bool TryNumericDate(int i, out DateHit hit)
        {
            hit = default;
            if (!IsNumber(i + 2) || !IsNumber(i + 4) || !Adjacent(i + 1) || !Adjacent(i + 2) || !Adjacent(i + 3) || !Adjacent(i + 4))
                return false;
            var sep = text[tokens[i + 1].Start];
            if (sep is not ('/' or '-' or '.') || !IsSymbol(i + 3, sep)) return false;
            var (a, b, c) = (tokens[i], tokens[i + 2], tokens[i + 4]);
            int y, m, d;
            if (a.Digits <= 2 && b.Digits <= 2 && c.Digits == 4) (y, m, d) = (c.Number, b.Number, a.Number);
            else if (a.Digits == 4 && b.Digits <= 2 && c.Digits <= 2) (y, m, d) = (a.Number, b.Number, c.Number);
            else return false;
            hit = TryDay(y, m, d, out var date) ? Day(i + 5, date, relative: false) : DateHit.Rejected(i + 5);
            return true;
        }

        private static bool TryDay(int y, int m, int d, out DateOnly date)
        {
            date = default;
            if (y is < MinYear or > MaxYear || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
            date = new DateOnly(y, m, d);
            return true;
        }

        /// <summary>"13 فبراير 2018", "13 شباط/فبراير 2018", "15 رمضان 1439 هـ", "13 فبراير" (year from the anchor).</summary>
        private bool TryDayMonth(int i, out DateHit hit)
        {
            hit = default;
            var day = tokens[i];
            if (day.Digits > 2 || day.Number is < 1 or > 31) return false;
            if (!ReadMonth(i + 1, out var month, out var hijri, out var next)) return false;
            var yearAt = SkipYearNoun(next);
            if (IsNumber(yearAt) && tokens[yearAt].Digits is 3 or 4)
            {
                var year = tokens[yearAt].Number;
                var end = SkipEra(yearAt + 1, out var era);
                if (hijri || era)
                {
                    if (!hijri) return false;
                    hit = DateSpans.TryHijriDay(year, month, day.Number, out var h)
                        ? Day(end, h, relative: false) with { Hijri = true }
                        : DateHit.Rejected(end);
                    return true;
                }
                hit = TryDay(year, month, day.Number, out var g) ? Day(end, g, relative: false) : DateHit.Rejected(end);
                return true;
            }
            if (anchor is not { } a)
            {
                hit = new DateHit(next, null, null, DatePrecision.Day, DatePrecision.Day, hijri, Relative: true);
                return true;
            }
            if (!NearestYear(a, month, day.Number, hijri, out var date)) return false;
            hit = Day(next, date, relative: true) with { Hijri = hijri };
            return true;
        }

        /// <summary>"نيسان أبريل 2016", "شباط/فبراير 2018", "فبراير عام 2018", "رمضان 1439 هـ".</summary>
        private bool TryMonthYear(int i, out DateHit hit)
        {
            hit = default;
            if (!ReadMonth(i, out var month, out var hijri, out var next)) return false;
            var yearAt = SkipYearNoun(next);
            if (!IsNumber(yearAt) || tokens[yearAt].Digits is not (3 or 4)) return false;
            var year = tokens[yearAt].Number;
            var end = SkipEra(yearAt + 1, out var era);
            if (hijri)
            {
                if (!DateSpans.TryHijriMonth(year, month, out var from, out var to)) return false;
                hit = new DateHit(end, from, to, DatePrecision.Month, DatePrecision.Month, Hijri: true);
                return true;
            }
            if (era || year is < MinYear or > MaxYear) return false;
            var (f, t) = DateSpans.Month(year, month);
            hit = new DateHit(end, f, t, DatePrecision.Month, DatePrecision.Month);
            return true;
        }

        /// <summary>
        /// Reads a month name at <paramref name="i"/>: one word, a two-word name (كانون الثاني، ربيع الأول), and a
        /// second name for the same month that Levantine papers add (نيسان أبريل، شباط/فبراير، شباط (فبراير)).
        /// </summary>
        private bool ReadMonth(int i, out int month, out bool hijri, out int next)
        {
            month = 0;
            next = i;
            var word = Word(i);
            hijri = word.Kind is DateWordKind.HijriMonth or DateWordKind.HijriMonthHead;
            if (!ReadMonthName(i, word, out month, out next)) return false;
            if (hijri) return true;

            var second = next;
            var open = IsSymbol(second, '(');
            if (IsSymbol(second, '/') || IsSymbol(second, '-') || open) second++;
            var other = Word(second);
            if (other.Kind == DateWordKind.GregorianMonth && ReadMonthName(second, other, out var m2, out var after) && m2 == month)
            {
                if (open)
                {
                    if (!IsSymbol(after, ')')) return true;
                    after++;
                }
                next = after;
            }
            return true;
        }

        private bool ReadMonthName(int i, DateWord word, out int month, out int next)
        {
            month = word.Value;
            next = i + 1;
            if (word.Kind == DateWordKind.HijriMonth || (word.Kind == DateWordKind.GregorianMonth && month > 0)) return true;
            if (word.Kind is not (DateWordKind.GregorianMonth or DateWordKind.HijriMonthHead) || i + 1 >= count ||
                tokens[i + 1].Shape != DateTokenShape.Word)
                return false;
            var pair = DateLexicon.ClassifyPair(Span(i), Span(i + 1));
            if (pair.Kind == DateWordKind.None) return false;
            month = pair.Value;
            next = i + 2;
            return true;
        }

        private ReadOnlySpan<char> Span(int i) => text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start);

        private int SkipYearNoun(int i)
        {
            if (IsSymbol(i, '،') || IsSymbol(i, ',')) i++;
            return Word(i) is { Kind: DateWordKind.CountUnit or DateWordKind.DefiniteUnit, Value: (int)DateUnit.Year } ? i + 1 : i;
        }

        private int SkipEra(int i, out bool hijri)
        {
            hijri = Word(i).Kind == DateWordKind.HijriEra;
            if (hijri) return i + 1;
            // "2016م": the Gregorian era letter, written after the year.
            return i < count && tokens[i].Shape == DateTokenShape.Word && tokens[i].End - tokens[i].Start == 1 && text[tokens[i].Start] == 'م'
                ? i + 1
                : i;
        }

        private static bool NearestYear(DateOnly anchor, int month, int day, bool hijri, out DateOnly date)
        {
            date = default;
            var best = int.MaxValue;
            var baseYear = hijri ? DateSpans.HijriYearOf(anchor) : anchor.Year;
            for (var y = baseYear - 1; y <= baseYear + 1; y++)
            {
                DateOnly candidate;
                if (hijri ? !DateSpans.TryHijriDay(y, month, day, out candidate) : !TryDay(y, month, day, out candidate)) continue;
                var distance = Math.Abs(candidate.DayNumber - anchor.DayNumber);
                if (distance < best)
                {
                    best = distance;
                    date = candidate;
                }
            }
            return best != int.MaxValue;
        }

        /// <summary>A year number: "1439 هـ" always; a Gregorian year only after a word that makes it one (في 2014).</summary>
        private bool TryYear(int i, out DateHit hit)
        {
            hit = default;
            var t = tokens[i];
            if (t.Digits is not (3 or 4)) return false;
            var end = SkipEra(i + 1, out var hijri);
            if (hijri) return HijriYear(end, t.Number, out hit);
            if (t.Digits != 4 || t.Number is < MinYear or > MaxYear) return false;
            var prev = Word(i - 1);
            var context = end > i + 1 || prev.Kind is DateWordKind.YearContext or DateWordKind.Since or DateWordKind.Portion;
            if (!context || IsSymbol(i + 1, '%')) return false;
            var (f, to) = DateSpans.Year(t.Number);
            hit = new DateHit(end, f, to, DatePrecision.Year, DatePrecision.Year);
            return true;
        }

        private static bool HijriYear(int end, int year, out DateHit hit)
        {
            hit = default;
            if (!DateSpans.TryHijriYear(year, out var from, out var to)) return false;
            hit = new DateHit(end, from, to, DatePrecision.Year, DatePrecision.Year, Hijri: true);
            return true;
        }

        /// <summary>"عام 2016", "سنة 1439 هـ", "العام 2016".</summary>
        private bool TryYearAfterNoun(int i, out DateHit hit)
        {
            hit = default;
            if (!IsNumber(i + 1) || tokens[i + 1].Digits is not (3 or 4)) return false;
            var year = tokens[i + 1].Number;
            var end = SkipEra(i + 2, out var hijri);
            if (hijri) return HijriYear(end, year, out hit);
            if (tokens[i + 1].Digits != 4 || year is < MinYear or > MaxYear) return false;
            var (f, t) = DateSpans.Year(year);
            hit = new DateHit(end, f, t, DatePrecision.Year, DatePrecision.Year);
            return true;
        }

        // ---- relative expressions ----

        private bool Days(int end, int offset, out DateHit hit)
        {
            hit = anchor is { } a
                ? Day(end, a.AddDays(offset), relative: true)
                : new DateHit(end, null, null, DatePrecision.Day, DatePrecision.Day, Relative: true);
            return true;
        }

        private static DateHit Day(int end, DateOnly date, bool relative) =>
            new(end, date, date, DatePrecision.Day, DatePrecision.Day, Relative: relative);

        private static DateHit Unresolved(int end, DatePrecision precision) =>
            new(end, null, null, precision, precision, Relative: true);

        /// <summary>The week, month or year <paramref name="offset"/> units from the anchor's.</summary>
        private bool Period(int end, DateUnit unit, int offset, out DateHit hit)
        {
            var precision = unit switch
            {
                DateUnit.Week => DatePrecision.Week,
                DateUnit.Month => DatePrecision.Month,
                _ => DatePrecision.Year,
            };
            if (anchor is not { } a)
            {
                hit = Unresolved(end, precision);
                return true;
            }
            var (f, t) = unit switch
            {
                DateUnit.Week => DateSpans.Week(a, offset),
                DateUnit.Month => DateSpans.Month(a.AddMonths(offset).Year, a.AddMonths(offset).Month),
                _ => DateSpans.Year(a.Year + offset),
            };
            hit = new DateHit(end, f, t, precision, precision, Relative: true);
            return true;
        }

        /// <summary>"الأسبوع الماضي", "الشهر الجاري", "العام المقبل", "العام 2016".</summary>
        private bool TryDefiniteUnit(int i, DateUnit unit, bool requireModifier, out DateHit hit)
        {
            hit = default;
            var modifier = Word(i + 1).Kind;
            var offset = modifier switch
            {
                DateWordKind.Past => -1,
                DateWordKind.Current => 0,
                DateWordKind.Next => 1,
                _ => int.MinValue,
            };
            if (offset != int.MinValue) return Period(i + 2, unit, offset, out hit);
            if (unit == DateUnit.Year && TryYearAfterNoun(i, out hit)) return true;
            return !requireModifier && Period(i + 1, unit, 0, out hit);
        }

        /// <summary>"الخميس", "الخميس الماضي", "الأحد المقبل", "الخميس 15 فبراير 2018".</summary>
        private bool TryWeekday(int i, int weekday, out DateHit hit)
        {
            hit = default;
            var next = i + 1;
            if (IsSymbol(next, '،') || IsSymbol(next, ',')) next++;
            if (IsNumber(next) && (TryNumericDate(next, out hit) || TryDayMonth(next, out hit))) return true;
            var modifier = Word(i + 1).Kind;
            var end = modifier is DateWordKind.Past or DateWordKind.Next ? i + 2 : i + 1;
            if (anchor is not { } a)
            {
                hit = Unresolved(end, DatePrecision.Day);
                return true;
            }
            var delta = ((int)a.DayOfWeek - weekday + 7) % 7;
            var date = modifier switch
            {
                DateWordKind.Past => a.AddDays(-(delta == 0 ? 7 : delta)),
                DateWordKind.Next => a.AddDays(((weekday - (int)a.DayOfWeek + 7) % 7) is var ahead && ahead == 0 ? 7 : ahead),
                _ => a.AddDays(-delta),
            };
            hit = Day(end, date, relative: true);
            return true;
        }

        /// <summary>"يوم الخميس", "صباح أمس", "مساء اليوم", "يوم غد", "يوم 13 فبراير".</summary>
        private bool TryDayPart(int i, out DateHit hit)
        {
            hit = default;
            var next = Word(i + 1);
            switch (next.Kind)
            {
                case DateWordKind.Weekday: return TryWeekday(i + 1, next.Value, out hit);
                case DateWordKind.Yesterday: return TryWord(i + 1, next, out hit);
                case DateWordKind.Today: return Days(i + 2, 0, out hit);
                case DateWordKind.Tomorrow: return Days(i + 2, 1, out hit);
                case DateWordKind.First when Word(i + 2).Kind == DateWordKind.Yesterday: return Days(i + 3, -2, out hit);
            }
            return IsNumber(i + 1) && (TryNumericDate(i + 1, out hit) || TryDayMonth(i + 1, out hit));
        }

        /// <summary>"خلال الأيام الماضية", "في الأسابيع الأخيرة", "الأشهر المقبلة", "العامين الماضيين".</summary>
        private bool TryRecentSpan(int i, DateWord word, out DateHit hit)
        {
            hit = default;
            var at = i + 1;
            // "الأيام القليلة الماضية": skip one adjective before the direction.
            if (Word(at).Kind is not (DateWordKind.Past or DateWordKind.Next) && Word(at + 1).Kind is DateWordKind.Past or DateWordKind.Next) at++;
            var direction = Word(at).Kind;
            if (direction is not (DateWordKind.Past or DateWordKind.Next)) return false;
            var unit = (DateUnit)word.Value;
            var grain = Grain(unit);
            if (anchor is not { } a)
            {
                hit = Unresolved(at + 1, DatePrecision.Approximate);
                return true;
            }
            // A dual is exact (two units); a plural is the paucity plural, taken at its usual reach of about seven.
            var reach = word.Kind == DateWordKind.DefiniteDualUnit ? 2 : unit == DateUnit.Day ? 7 : unit == DateUnit.Year ? 5 : 6;
            var (f, t) = direction == DateWordKind.Past
                ? (DateSpans.Shift(a, unit, -reach), a.AddDays(-1))
                : (a.AddDays(1), DateSpans.Shift(a, unit, reach));
            hit = new DateHit(at + 1, f, t, DatePrecision.Approximate, grain, Relative: true);
            return true;
        }

        private static DatePrecision Grain(DateUnit unit) => unit switch
        {
            DateUnit.Day => DatePrecision.Day,
            DateUnit.Week => DatePrecision.Week,
            DateUnit.Month => DatePrecision.Month,
            _ => DatePrecision.Year,
        };

        /// <summary>"نهاية الأسبوع الماضي", "مطلع الشهر الجاري", "أواخر العام الماضي", "منتصف فبراير 2018", "مطلع 2017".</summary>
        private bool TryPortion(int i, DatePortion part, out DateHit hit)
        {
            hit = default;
            var next = Word(i + 1);
            DateHit period;
            if (next.Kind == DateWordKind.DefiniteUnit)
            {
                if (!TryDefiniteUnit(i + 1, (DateUnit)next.Value, requireModifier: false, out period)) return false;
            }
            else if (next.Kind == DateWordKind.This)
            {
                if (!TryWord(i + 1, next, out period)) return false;
            }
            else if (next.Kind is DateWordKind.GregorianMonth or DateWordKind.HijriMonth or DateWordKind.HijriMonthHead)
            {
                if (!TryMonthYear(i + 1, out period)) return false;
            }
            else if (next is { Kind: DateWordKind.CountUnit, Count: 1, Value: (int)DateUnit.Year })
            {
                if (!TryYearAfterNoun(i + 1, out period)) return false;
            }
            else if (IsNumber(i + 1))
            {
                // "مطلع 2017": the year's own context check would want this word before it.
                if (!TryYear(i + 1, out period)) return false;
            }
            else return false;

            if (period.Precision is not (DatePrecision.Week or DatePrecision.Month or DatePrecision.Year)) return false;
            if (period.From is not { } from || period.To is not { } to)
            {
                hit = period with { Precision = DatePrecision.Approximate };
                return true;
            }
            var (f, t) = DateSpans.Portion(from, to, period.Precision, part);
            // A week's portion is still a week-grain statement (the weekend of that week); a month's or a year's
            // third is approximate, written at the grain of the period it divides.
            var precision = period.Precision == DatePrecision.Week ? DatePrecision.Week : DatePrecision.Approximate;
            hit = period with { From = f, To = t, Precision = precision, Grain = period.Precision };
            return true;
        }

        /// <summary>
        /// "منذ نحو عامين", "قبل ثلاثة أشهر", "منذ 15 عاما", "قبل أيام", "منذ بضعة أسابيع", "منذ أكثر من عام".
        /// An exact count is a point at the unit's precision; a qualified or vague one is an approximate span.
        /// </summary>
        private bool TryAgo(int i, out DateHit hit)
        {
            hit = default;
            var at = i + 1;
            var about = false;
            var more = 0;
            for (var guard = 0; guard < 3; guard++)
            {
                var w = Word(at);
                if (w.Kind == DateWordKind.About) about = true;
                else if (w.Kind == DateWordKind.More)
                {
                    var folded = Fold(at);
                    if (folded is "اكثر" or "يزيد") more = 1;
                    else if (folded is "اقل") more = -1;
                }
                else break;
                at++;
            }

            int number;
            var vague = false;
            DateWord unitWord;
            var first = Word(at);
            if (IsNumber(at) && tokens[at].Digits <= 3)
            {
                number = tokens[at].Number;
                unitWord = Word(at + 1);
                at++;
            }
            else if (first.Kind == DateWordKind.Number)
            {
                number = first.Value;
                unitWord = Word(at + 1);
                at++;
            }
            else if (first.Kind == DateWordKind.Few)
            {
                number = 0;
                vague = true;
                unitWord = Word(at + 1);
                at++;
            }
            else if (first.Kind == DateWordKind.CountUnit)
            {
                unitWord = first;
                number = first.Count;
                vague = first.Count == 0;
            }
            else if (first.Kind == DateWordKind.DayPart && Fold(at) == "يوم")
            {
                unitWord = new DateWord(DateWordKind.CountUnit, (int)DateUnit.Day, 1);
                number = 1;
            }
            else return false;

            if (unitWord.Kind != DateWordKind.CountUnit && !(unitWord.Kind == DateWordKind.DayPart && at < count && Fold(at) == "يوم"))
                return false;
            var unit = unitWord.Kind == DateWordKind.CountUnit ? (DateUnit)unitWord.Value : DateUnit.Day;
            if (number == 0 && !vague) return false;
            var end = at + 1;
            // "منذ عام 2016", "قبل شهر أبريل": the noun names a year or month, which the next token matches.
            if (IsNumber(end) && tokens[end].Digits == 4 || Word(end).Kind is DateWordKind.GregorianMonth or DateWordKind.HijriMonth)
                return false;
            var grain = Grain(unit);
            if (anchor is not { } a)
            {
                hit = Unresolved(end, about || vague || more != 0 ? DatePrecision.Approximate : grain);
                return true;
            }

            if (vague)
            {
                var low = unit == DateUnit.Day ? 2 : 3;
                hit = new DateHit(end, DateSpans.Shift(a, unit, -10), DateSpans.Shift(a, unit, -low),
                    DatePrecision.Approximate, grain, Relative: true);
                return true;
            }
            var point = DateSpans.Shift(a, unit, -number);
            if (more != 0)
            {
                var (f, t) = more > 0 ? (DateSpans.Shift(point, unit, -1), point) : (point, DateSpans.Shift(point, unit, 1));
                hit = new DateHit(end, f, t, DatePrecision.Approximate, grain, Relative: true);
                return true;
            }
            if (about)
            {
                var (f, t) = Around(point, unit, number);
                hit = new DateHit(end, f, t, DatePrecision.Approximate, unit == DateUnit.Year ? DatePrecision.Month : grain, Relative: true);
                return true;
            }
            hit = unit switch
            {
                DateUnit.Day => Day(end, point, relative: true),
                DateUnit.Week => new DateHit(end, DateSpans.StartOfWeek(point), DateSpans.StartOfWeek(point).AddDays(6),
                    DatePrecision.Week, DatePrecision.Week, Relative: true),
                DateUnit.Month => new DateHit(end, DateSpans.Month(point.Year, point.Month).From,
                    DateSpans.Month(point.Year, point.Month).To, DatePrecision.Month, DatePrecision.Month, Relative: true),
                DateUnit.Year => new DateHit(end, DateSpans.Year(point.Year).From, DateSpans.Year(point.Year).To,
                    DatePrecision.Year, DatePrecision.Year, Relative: true),
                _ => new DateHit(end, point.AddYears(-2), point.AddYears(2), DatePrecision.Approximate, DatePrecision.Year, Relative: true),
            };
            return true;
        }

        /// <summary>"نحو N units ago": the point widened by an eighth of the counted span either side (at least a unit's eighth).</summary>
        private static (DateOnly From, DateOnly To) Around(DateOnly point, DateUnit unit, int number)
        {
            var days = unit switch
            {
                DateUnit.Day => 1.0,
                DateUnit.Week => 7.0,
                DateUnit.Month => 30.4,
                DateUnit.Year => 365.25,
                _ => 3652.5,
            } * Math.Max(1, number) / 8;
            var half = Math.Max(1, (int)Math.Round(days));
            return (point.AddDays(-half), point.AddDays(half));
        }
    }
}
