using Marsad.Analysis.Dates;
using Marsad.Analysis.Places;
using Marsad.Text;
using static Marsad.Analysis.Events.EventWindows;
using static Marsad.Analysis.Events.EventWords;

namespace Marsad.Analysis.Events;

/// <summary>Where, when, with what casualties and how surely an event happened, read from the words around its trigger.</summary>
internal static class CircumstanceReader
{
    private const int NearWindow = 2;

    public static EventPlace? ReadPlace(ReadOnlySpan<EventWord> words, List<Candidate> candidates, int i, int end, int sentenceFirst, int sentenceEnd, Role? target, Candidate? pronoun)
    {
        for (var k = end; k < Math.Min(sentenceEnd, end + ClauseWindow); k++)
        {
            if (words[k].HardStop || k > end && words[k].Trigger is not null) break;
            var byPreposition = words[k].Preposition is "place" or "destination" or "origin";
            var attached = words[k].Participant >= 0 && words[k].Proclitics.HasFlag(Proclitics.Bi);
            if (!byPreposition && !attached) continue;
            var at = attached ? k : k + 1;
            if (at < sentenceEnd && words[at].Participant >= 0 && candidates[words[at].Participant] is { IsPlace: true } place)
                return Place(place, false);
        }
        if (target?.Candidate is { IsPlace: true } targetPlace) return Place(targetPlace, false);
        if (pronoun is { IsPlace: true }) return Place(pronoun, true);
        for (var k = i - 1; k >= sentenceFirst; k--)
        {
            if (words[k].Participant >= 0 && candidates[words[k].Participant] is { IsPlace: true } before) return Place(before, true);
        }
        for (var k = end; k < sentenceEnd; k++)
        {
            if (words[k].Participant >= 0 && candidates[words[k].Participant] is { IsPlace: true } later) return Place(later, true);
        }
        return null;
    }

    private static EventPlace Place(Candidate candidate, bool inferred)
    {
        var place = candidate.Place!;
        var precision = place.Kind switch
        {
            PlaceKind.Country => 3,
            PlaceKind.Region => 2,
            _ => inferred ? 2 : 1,
        };
        return new EventPlace(candidate.Text, candidate.Start, candidate.End, candidate.EntityId, place.Name, place.Country,
            place.Latitude, place.Longitude, precision);
    }

    /// <summary>The strongest cue around the trigger, and whether the text places the event in the past (سبق أن).</summary>
    public static (EventModality Modality, bool Past) ReadModality(ReadOnlySpan<EventWord> words, int i, int end, EventModality modality)
    {
        var past = false;
        for (var k = i - 1; k >= Math.Max(0, i - BeforeWindow); k--)
        {
            if (words[k].HardStop) break;
            if (words[k].PastCue is not null) past = true;
            if (words[k].Cue is not { } cue) continue;
            var fits = cue.Direction == CueDirection.Before || cue.Direction == CueDirection.Near && i - k <= NearWindow;
            if (fits && cue.Modality > modality) modality = cue.Modality;
        }
        for (var k = end; k < Math.Min(words.Length, end + AfterWindow); k++)
        {
            if (words[k].HardStop) break;
            if (words[k].AfterCue is { } cue && cue.Modality > modality) modality = cue.Modality;
            else if (words[k].AfterCue is null && words[k].Trigger is not null) break;
        }
        if (words[i].Proclitics.HasFlag(Proclitics.Sa) && modality < EventModality.Planned) modality = EventModality.Planned;
        return (modality, past);
    }

    public static EventDate? ReadDate(Document document, ReadOnlySpan<EventWord> words, int i, int sentenceFirst, int sentenceEnd, bool past)
    {
        var sentenceStart = words[sentenceFirst].Start;
        var sentenceStop = words[sentenceEnd - 1].End;
        var trigger = words[i].Start;
        DateMention? best = null;
        var bestDistance = int.MaxValue;
        foreach (var date in document.Dates)
        {
            if (date.Start < sentenceStart || date.End > sentenceStop || !date.Resolved) continue;
            // A date after the trigger usually belongs to it (طردهم من درنة في نيسان 2016); one before it only when no
            // other event stands between, and never when the text says the event came earlier (سبق أن).
            if (date.End <= trigger && (past || TriggerBetween(words, date.End, trigger))) continue;
            var distance = date.Start >= trigger ? date.Start - trigger : 2 * (trigger - date.End);
            if (distance < bestDistance)
            {
                best = date;
                bestDistance = distance;
            }
        }
        if (best is not null) return new EventDate(best.Value, best.From, best.To, best.Text, EventDate.FromText);
        if (document.Article.Date is not { } day) return null;
        if (past) return new EventDate(null, null, day.AddDays(-1), null, EventDate.Before);
        return new EventDate(day.ToString("yyyy-MM-dd"), day, day, null, EventDate.Reported);
    }

    private static bool TriggerBetween(ReadOnlySpan<EventWord> words, int from, int to)
    {
        foreach (var word in words)
        {
            if (word.Start >= to) break;
            if (word.Start >= from && word.Trigger is not null) return true;
        }
        return false;
    }

    /// <summary>The casualties counted around the trigger and who they are: the counted dead if named, else the counted wounded.</summary>
    public static (EventFatalities? Fatalities, Candidate? Victims, bool VictimsKilled) ReadFatalities(
        Document document, ReadOnlySpan<EventWord> words, List<Candidate> candidates, int i, int end, int sentenceFirst, int sentenceEnd)
    {
        int? killed = null, injured = null;
        var approximate = false;
        Candidate? dead = null, wounded = null;
        int textStart = int.MaxValue, textEnd = -1;
        var from = Math.Max(sentenceFirst, i - 4);
        var to = Math.Min(sentenceEnd, end + 12);
        // اختطفت حاكم منطقة، فيما قتل ثلاثة مدنيين: the dead after a contrastive clause are another event's.
        for (var k = from; k < to; k++)
        {
            if (!words[k].Contrast) continue;
            if (k < i) from = k + 1;
            else to = k;
        }
        for (var k = from; k < to; k++)
        {
            if (words[k].Fatality is not { } kind || CountNear(document, words, k, from, to) is not { } count) continue;
            if (kind == "killed") killed = (killed ?? 0) + count.Value;
            else injured = (injured ?? 0) + count.Value;
            approximate |= count.Approximate;
            textStart = Math.Min(textStart, words[Math.Min(k, count.Word)].Start);
            textEnd = Math.Max(textEnd, words[Math.Max(k, count.Word)].End);
            // The noun a number counts (سبعة أشخاص, 20 شخصا) names the victims; skip a من (عشرات من المدنيين).
            var counted = count.Word + 1 < to && words[count.Word + 1].Preposition == "origin" ? count.Word + 2 : count.Word + 1;
            if ((kind == "killed" ? dead : wounded) is not null || counted >= to || counted == k || words[counted].Fatality is not null) continue;
            var victims = words[counted].Participant >= 0 ? candidates[words[counted].Participant]
                : IsBareNoun(document, words, counted) ? Make(document, words, counted, counted + 1, TextOf(document, words, counted, counted + 1), "NOUN") : null;
            if (kind == "killed") dead = victims;
            else wounded = victims;
        }
        var fatalities = killed is null && injured is null
            ? null
            : new EventFatalities(killed, injured, approximate, document.Body[textStart..textEnd]);
        return (fatalities, dead ?? wounded, dead is not null);
    }

    /// <summary>A number or vague quantity within three words of a casualty word: 17 قتيلا, مقتل 17 شخصا, عشرات القتلى.</summary>
    private static (int Value, bool Approximate, int Word)? CountNear(Document document, ReadOnlySpan<EventWord> words, int k, int from, int to)
    {
        // قتل جنديان وأصيب خمسة مدنيين: a number past a coordinated casualty verb counts that verb's casualties.
        for (var j = k - 1; j >= Math.Max(from, k - 3); j--)
        {
            if (!CoordinatedTrigger(words[j])) continue;
            from = j + 1;
            break;
        }
        for (var j = k + 1; j < Math.Min(to, k + 4); j++)
        {
            if (!CoordinatedTrigger(words[j])) continue;
            to = j;
            break;
        }
        for (var d = 1; d <= 3; d++)
        {
            foreach (var j in (ReadOnlySpan<int>)[k - d, k + d])
            {
                if (j < from || j >= to) continue;
                if (words[j].Quantity > 0) return (words[j].Quantity, true, j);
                var text = document.Body.AsSpan(words[j].Start, words[j].End - words[j].Start);
                if (words[j].Kind == TokenKind.Number && Integer(text) is { } number && number is > 0 and < 100_000)
                    return (number, false, j);
                if (NumberWordValue(document, words[j]) is > 0 and var value) return (value, false, j);
            }
        }
        return null;
    }

    private static bool CoordinatedTrigger(EventWord word) => word.Trigger is not null && (word.Proclitics & (Proclitics.Wa | Proclitics.Fa)) != 0;

    /// <summary>The integer a number token writes, in Arabic-Indic or ASCII digits, or null.</summary>
    private static int? Integer(ReadOnlySpan<char> text)
    {
        Span<char> digits = stackalloc char[64];
        if (text.Length * ArabicNormalizer.MaxExpansion > digits.Length)
            return int.TryParse(ArabicNormalizer.Normalize(text.ToString(), NormalizationOptions.Digits), out var longer) ? longer : null;
        return int.TryParse(digits[..ArabicNormalizer.Normalize(text, digits, NormalizationOptions.Digits)], out var number) ? number : null;
    }
}
