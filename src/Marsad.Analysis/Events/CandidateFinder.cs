using Marsad.Analysis.Linking;
using Marsad.Analysis.Places;
using Marsad.Text;
using static Marsad.Analysis.Events.EventWindows;
using static Marsad.Analysis.Events.EventWords;

namespace Marsad.Analysis.Events;

/// <summary>
/// Finds the phrases that can fill an event role before any event is read (see <see cref="Candidate"/>), in text order
/// and without overlaps, and marks each word with the candidate covering it.
/// </summary>
internal static class CandidateFinder
{
    /// <summary>The document's linked entities by id, kept per thread like the words: a new dictionary grew again for every article.</summary>
    [ThreadStatic]
    private static Dictionary<string, LinkedEntity>? t_linked;

    public static List<Candidate> Find(Document document, Span<EventWord> words)
    {
        var named = NamedCandidates(document, words);
        var result = new List<Candidate>();
        var nextNamed = 0;
        for (var i = 0; i < words.Length;)
        {
            while (nextNamed < named.Count && named[nextNamed].FirstWord < i) nextNamed++;
            var startsNamed = nextNamed < named.Count && named[nextNamed].FirstWord == i ? named[nextNamed] : null;
            // انتحارية in عملية انتحارية qualifies the trigger; it is nobody.
            if (words[i].Agent is { } role && startsNamed is null && !words[i].InTrigger)
            {
                var roleEnd = i + words[i].AgentLength;
                // مفجرون انتحاريون: consecutive role nouns are one participant, unless one is armed and the other a civilian
                // (اغتال مسلحون رجل الدين: the civilian is the object).
                while (roleEnd < words.Length && words[roleEnd].Agent is { } next && StartingAt(named, roleEnd) is null
                    && words[roleEnd].Sentence == words[i].Sentence && !ArmedAndCivilian(role.Code, next.Code))
                    roleEnd += words[roleEnd].AgentLength;
                // مسلحين من القبائل is one actor; مقربون من اللواء (people close to the general) are not the general.
                var after = roleEnd < words.Length && words[roleEnd].Preposition == "origin" && role.Code is not "ELI" ? roleEnd + 1 : roleEnd;
                var owner = StartingAt(named, after) ?? ResolveAnaphor(document, words, result, after);
                if (owner is null && after > roleEnd && after < words.Length && IsBareNoun(document, words, after)) roleEnd = after + 1;
                // رجل الدين الشيعي حجة الإسلام هشام سيموري: a person's role, then titles, then the person.
                var person = owner is null && role.Code is "CVL" or "GOV" or "ELI" or "OPP" ? PersonAfterTitles(document, words, named, roleEnd) : null;
                var candidate = person is not null
                    ? Make(document, words, i, person.EndWord, TextOf(document, words, i, person.EndWord), person.Type)
                    : owner is null
                    ? Make(document, words, i, roleEnd, TextOf(document, words, i, roleEnd), "ROLE")
                    : Make(document, words, i, owner.EndWord, TextOf(document, words, i, roleEnd) + " " + owner.Name, owner.Type);
                if (person is not null) candidate.Name = person.Name;
                owner ??= person;
                candidate.Agent = role.Code;
                // جنوده, قواتها: the soldiers are those of whom the pronoun points back to (named after it, of its country).
                if (owner is null && roleEnd - i == 1 && words[i].Enclitic is Enclitic.Hu or Enclitic.Ha or Enclitic.Hum
                    && Possessor(result, i) is { } possessor)
                {
                    candidate.Name = candidate.Text + " " + possessor.Name;
                    candidate.Country = possessor.Country;
                }
                if (owner is not null)
                {
                    candidate.EntityId = owner.EntityId;
                    candidate.Country = owner.Country;
                    candidate.Mentions = owner.Mentions;
                    candidate.Agent = owner.Agent is "REB" or "UAF" && role.Code is "ELI" ? owner.Agent : role.Code;
                }
                result.Add(candidate);
                i = candidate.EndWord;
                continue;
            }
            if (startsNamed is not null)
            {
                result.Add(startsNamed);
                i = startsNamed.EndWord;
                continue;
            }
            if (ResolveAnaphor(document, words, result, i) is { } anaphor)
            {
                result.Add(anaphor);
                i = anaphor.EndWord;
                continue;
            }
            i++;
        }
        for (var c = 0; c < result.Count; c++)
        {
            for (var k = result[c].FirstWord; k < result[c].EndWord; k++) words[k].Participant = c;
        }
        return result;
    }

    private static Candidate? StartingAt(List<Candidate> candidates, int word)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.FirstWord == word) return candidate;
            if (candidate.FirstWord > word) break;
        }
        return null;
    }

    /// <summary>Linked entity mentions and lexicon groups, in text order, without overlaps.</summary>
    private static List<Candidate> NamedCandidates(Document document, ReadOnlySpan<EventWord> words)
    {
        var linked = t_linked ??= new Dictionary<string, LinkedEntity>(StringComparer.Ordinal);
        linked.Clear();
        foreach (var entity in document.LinkedEntities) linked[entity.Id] = entity;
        var result = new List<Candidate>(document.Entities.Count);
        var w = 0;
        foreach (var mention in document.Entities)
        {
            while (w < words.Length && words[w].End <= mention.Start) w++;
            var first = w;
            var end = first;
            while (end < words.Length && words[end].Start < mention.End) end++;
            if (end == first) continue;
            var entity = mention.EntityId is null ? null : linked.GetValueOrDefault(mention.EntityId);
            var candidate = Make(document, words, first, end, mention.Text, mention.Type);
            candidate.Name = entity?.Name ?? mention.Text;
            candidate.EntityId = mention.EntityId;
            candidate.Place = entity?.Place;
            candidate.Country = entity?.Place?.Country;
            candidate.Demonym = entity?.Place is { Kind: PlaceKind.Country } country && IsDemonym(mention.Text, country);
            candidate.Mentions = entity?.Mentions ?? 1;
            if (words[first].Group is { } group && words[first].GroupLength >= end - first) candidate.Agent = group.Code;
            result.Add(candidate);
        }
        // A lexicon group covers the entity mentions inside its name (درنة in مجلس شورى مجاهدي درنة).
        var merged = new List<Candidate>(result.Count);
        var next = 0;
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Group is { } entry && (next >= result.Count || result[next].FirstWord >= i))
            {
                var end = i + words[i].GroupLength;
                var covered = next;
                while (covered < result.Count && result[covered].EndWord <= end) covered++;
                if (covered == result.Count || result[covered].FirstWord >= end)
                {
                    var candidate = Make(document, words, i, end, TextOf(document, words, i, end), "GROUP");
                    candidate.Name = entry.Canonical ?? candidate.Text;
                    candidate.Agent = entry.Code;
                    candidate.Mentions = 1;
                    for (var c = next; c < covered; c++) candidate.Mentions = Math.Max(candidate.Mentions, result[c].Type == "ORG" ? result[c].Mentions : 1);
                    merged.Add(candidate);
                    next = covered;
                    i = end - 1;
                    continue;
                }
            }
            while (next < result.Count && result[next].FirstWord <= i)
            {
                merged.Add(result[next]);
                i = Math.Max(i, result[next].EndWord - 1);
                next++;
            }
        }
        return merged;
    }

    private static bool ArmedAndCivilian(string? a, string? b) =>
        a == "CVL" && b is "MIL" or "COP" or "REB" or "UAF" || b == "CVL" && a is "MIL" or "COP" or "REB" or "UAF";

    /// <summary>
    /// The person named after a role noun and at most four words of title (الدين الشيعي, الدكتور, آية الله): definite
    /// words, words heading a definite or named one (حجة الإسلام), and names of other kinds (آية الله) in between.
    /// </summary>
    private static Candidate? PersonAfterTitles(Document document, ReadOnlySpan<EventWord> words, List<Candidate> named, int from)
    {
        var titles = 0;
        for (var k = from; k < words.Length && titles <= 4 && words[k].Sentence == words[from - 1].Sentence; titles++)
        {
            if (StartingAt(named, k) is { } name)
            {
                if (name.Type == "PERS") return titles > 0 ? name : null;
                if (name.Type != "MISC") return null;
                k = name.EndWord;
                continue;
            }
            var heads = k + 1 < words.Length && (words[k + 1].Proclitics.HasFlag(Proclitics.Al) || StartingAt(named, k + 1) is not null);
            // الرئيس وزوجته لورا: a word after و starts another participant.
            if (!IsBareNoun(document, words, k) || (words[k].Proclitics & (Proclitics.Wa | Proclitics.Fa)) != 0
                || !words[k].Proclitics.HasFlag(Proclitics.Al) && !heads) return null;
            k++;
        }
        return null;
    }

    /// <summary>
    /// The owner a possessive pronoun on a role noun points back to (أعلن الجيش الأميركي مقتل أحد جنوده): the last
    /// participant that can act or is a country, within the inference window.
    /// </summary>
    private static Candidate? Possessor(List<Candidate> before, int at)
    {
        for (var c = before.Count - 1; c >= 0; c--)
        {
            var candidate = before[c];
            if (at - candidate.EndWord > InferenceWindow) break;
            if (candidate.CanAct || candidate.Place is { Kind: PlaceKind.Country }) return candidate;
        }
        return null;
    }

    /// <summary>A country mention that is not one of the country's names is its adjective (الأميركية, مصرية): an actor, not a place.</summary>
    private static bool IsDemonym(string text, Place country)
    {
        Span<char> textBuffer = stackalloc char[256];
        Span<char> nameBuffer = stackalloc char[256];
        var key = PlaceKey(text, textBuffer);
        for (var n = 0; n < country.Names.Count; n++)
        {
            var nameKey = PlaceKey(country.Names[n], nameBuffer);
            if (key.SequenceEqual(nameKey) || key.EndsWith(nameKey, StringComparison.Ordinal) && key.Length - nameKey.Length <= 2) return false;
        }
        return true;
    }

    /// <summary>المدينة → the last town named; المجلس → the last organisation whose name starts with مجلس.</summary>
    private static Candidate? ResolveAnaphor(Document document, ReadOnlySpan<EventWord> words, List<Candidate> before, int at)
    {
        // Only a definite noun points back: عاصمة الشرق is not "the capital" already named.
        if (at >= words.Length || words[at].Anaphor is not { } anaphor || !words[at].Proclitics.HasFlag(Proclitics.Al)) return null;
        for (var c = before.Count - 1; c >= 0; c--)
        {
            var antecedent = before[c];
            if (at - antecedent.EndWord > 200) break;
            var fits = anaphor.Code switch
            {
                "CITY" => antecedent.IsPlace && antecedent.Place!.Kind is PlaceKind.City or PlaceKind.Capital,
                "REGION" => antecedent.IsPlace && antecedent.Place!.Kind != PlaceKind.Country,
                "COUNTRY" => antecedent.IsPlace && antecedent.Place!.Kind == PlaceKind.Country,
                _ => antecedent.Type is "ORG" or "GROUP" && SameWord(words[antecedent.FirstWord], words[at]),
            };
            if (!fits) continue;
            var candidate = Make(document, words, at, at + 1, TextOf(document, words, at, at + 1), antecedent.Type);
            candidate.Name = antecedent.Name;
            candidate.EntityId = antecedent.EntityId;
            candidate.Place = antecedent.Place;
            candidate.Country = antecedent.Country;
            candidate.Agent = antecedent.Agent;
            candidate.Mentions = antecedent.Mentions;
            return candidate;
        }
        if (anaphor.Code != "ORG") return null;
        // الحركة, الجماعة with nothing before them to point to still name an organisation that acts.
        var unresolved = Make(document, words, at, at + 1, TextOf(document, words, at, at + 1), "ORG");
        unresolved.Mentions = 1;
        return unresolved;
    }

    private static bool SameWord(EventWord a, EventWord b) =>
        a.Id >= 0 && (a.Id == b.Id || a.Id == b.BaseId) || a.BaseId >= 0 && (a.BaseId == b.Id || a.BaseId == b.BaseId);
}
