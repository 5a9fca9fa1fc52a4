using Marsad.Analysis.Dates;
using Marsad.Analysis.Places;
using Marsad.Text;

namespace Marsad.Analysis.Events;

/// <summary>What the candidate finder and the role readers ask of single words: is it a bare noun, a number word, the start of a filler.</summary>
internal static class EventWords
{
    /// <summary>A content noun no lexicon entry claims and no date covers: the fallback filler of a role (اغتيال النائب).</summary>
    public static bool IsBareNoun(Document document, ReadOnlySpan<EventWord> words, int k)
    {
        var w = words[k];
        if (w.Kind != TokenKind.ArabicWord || w.StopWord || w.HardStop) return false;
        if (w.Trigger is not null || w.Preposition is not null || w.Cue is not null || w.AfterCue is not null || w.Quantity > 0
            || w.Demonstrative || w.Relative || w.LightVerb || w.Associate || w.NonFiller || w.InTrigger || w.PastCue is not null) return false;
        foreach (var date in document.Dates)
        {
            if (w.Start >= date.Start && w.End <= date.End) return false;
        }
        return true;
    }

    /// <summary>The first participant, or else bare noun, at most <paramref name="gap"/> words after <paramref name="from"/>, numbers and quantities skipped (مقتل سبعة أشخاص).</summary>
    public static Candidate? Filler(Document document, ReadOnlySpan<EventWord> words, List<Candidate> candidates, int from, int gap)
    {
        var skipped = 0;
        for (var k = from; k < words.Length && words[k].Sentence == words[from].Sentence; k++)
        {
            var w = words[k];
            if (w.HardStop || w.Preposition is not null && w.Preposition != "origin") return null;
            if (w.Participant >= 0) return candidates[w.Participant].FirstWord == k ? candidates[w.Participant] : null;
            // قتل جنديان واصيب تسعة عراقيين: another event's word starts a clause whose nouns are not this one's.
            if (w.Trigger is not null) return null;
            if (w.Kind == TokenKind.Number || w.Quantity > 0 || w.Preposition == "origin" || IsNumberWord(document, w)) continue;
            if (IsBareNoun(document, words, k))
            {
                var end = k + 1;
                var candidate = Make(document, words, k, end, TextOf(document, words, k, end), "NOUN");
                candidate.Mentions = 0;
                return candidate;
            }
            if (++skipped > gap) return null;
        }
        return null;
    }

    public static bool IsNumberWord(Document document, EventWord w) => NumberWordValue(document, w) > 0;

    /// <summary>The value of a number written in words: ten and below from the date lexicon, larger ones from the event lexicon.</summary>
    public static int NumberWordValue(Document document, EventWord w)
    {
        if (w.Number > 0) return w.Number;
        return w.Kind == TokenKind.ArabicWord && DateLexicon.Classify(document.Body.AsSpan(w.Start, w.End - w.Start), out _) is { Kind: DateWordKind.Number } word
            ? word.Value
            : 0;
    }

    public static Candidate Make(Document document, ReadOnlySpan<EventWord> words, int first, int end, string text, string type) => new()
    {
        FirstWord = first,
        EndWord = end,
        Start = words[first].Start,
        End = words[end - 1].End,
        Text = text,
        Name = text,
        Type = type,
    };

    public static string TextOf(Document document, ReadOnlySpan<EventWord> words, int first, int end) =>
        document.Body[words[first].Start..words[end - 1].End];

    /// <summary>The <see cref="PlaceNames"/> key of a name, written into <paramref name="buffer"/> unless the name is too long for it.</summary>
    public static ReadOnlySpan<char> PlaceKey(ReadOnlySpan<char> name, Span<char> buffer) =>
        name.Length * ArabicNormalizer.MaxExpansion <= buffer.Length ? buffer[..PlaceNames.KeyInto(name, buffer)] : PlaceNames.Key(name);
}
