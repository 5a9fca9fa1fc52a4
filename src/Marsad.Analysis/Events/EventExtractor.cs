using Marsad.Analysis.Places;
using Marsad.Text;

namespace Marsad.Analysis.Events;

/// <summary>
/// Reads events out of an analysed document with Marsad's event lexicon: finds trigger words (verbs and their
/// nominalisations), keeps those the sentence's context supports, and fills the roles around each from the
/// entities already found — actor and target by Arabic word order (VSO/SVO verbs, genitives after nouns,
/// على/ضد for targets, ل and light verbs for actors), place from في/إلى/من phrases, date from the nearest date
/// expression, casualties from numbers near قتلى/جرحى, modality from cue words around the trigger. An actor the
/// clause leaves unnamed is inferred from the most salient actor mentioned shortly before, and marked as inferred.
/// Events of one kind that a sentence reports twice (معارك طاحنة واشتباكات عنيفة) are merged.
/// </summary>
public sealed class EventExtractor(EventLexicon lexicon, Gazetteer? gazetteer = null)
{
    private const double Threshold = 0.5;
    private const double ContextBonus = 0.1;
    private const double OffTopicPenalty = 0.5;
    private const int AimedRank = 6;
    private const int KilledRank = 5;
    private const int WoundedRank = 4;

    private static readonly Lazy<EventExtractor> DefaultInstance = new(() => new EventExtractor(EventLexicon.BuiltIn));

    public static EventExtractor Default => DefaultInstance.Value;

    public EventLexicon Lexicon { get; } = lexicon ?? throw new ArgumentNullException(nameof(lexicon));

    private readonly EventWordReader _words = new(lexicon);
    private readonly EventRoleReader _roles = new(gazetteer ?? Gazetteer.Default);

    public List<EventMention> Extract(Document document)
    {
        var words = _words.Read(document);
        var candidates = CandidateFinder.Find(document, words);
        var found = new List<FoundEvent>();
        for (var i = 0; i < words.Length; i++)
        {
            // إطلاق النار inside وقف إطلاق النار is part of the ceasefire, not a shooting.
            if (words[i].Trigger is not null && !words[i].InTrigger && Read(document, words, candidates, i, found) is { } read) found.Add(read);
        }
        return EventMerger.Merge(words, found);
    }

    private FoundEvent? Read(
        Document document, ReadOnlySpan<EventWord> words, List<Candidate> candidates, int i, List<FoundEvent> found)
    {
        var entry = words[i].Trigger!;
        var definition = entry.Trigger!;
        var end = i + words[i].TriggerLength;
        if (Vetoed(words, end) || i > 0 && words[i - 1].Demonstrative && words[i - 1].Sentence == words[i].Sentence) return null;
        // A trigger word inside a name (a person, a place, a film title tagged MISC) is part of the name.
        if (words[i].Participant >= 0 && candidates[words[i].Participant].Type is "PERS" or "LOC" or "MISC") return null;

        var (sentenceFirst, sentenceEnd) = SentenceBounds(words, i);
        var context = SentenceContext.Read(words, candidates, sentenceFirst, sentenceEnd, i, end);
        if (definition.Needs == "armed" && !context.Armed) return null;
        if (definition.Needs == "protest" && !context.Protest) return null;
        var score = definition.Weight;
        if (definition.Plover == "ASSAULT" && context.Armed) score += ContextBonus;
        if (definition.Plover == "PROTEST" && context.Protest) score += ContextBonus;
        if (context.OffTopic) score -= OffTopicPenalty;
        if (context.Accident && !context.Armed && definition.Plover == "ASSAULT") return null;
        if (score < Threshold) return null;

        var roles = _roles.Read(document, words, candidates, i, end, entry, definition);
        // One participant cannot be both sides of the event (a bare plural read first as subject, then as object).
        if (roles.Target is not null && roles.Actor is not null && roles.Target.Candidate == roles.Actor.Candidate) roles.Target = null;
        if (roles.Target is null && definition.Plover == "PROTEST"
            && ContextRoleReader.ProtestTarget(words, candidates, i, end, sentenceFirst, sentenceEnd, roles.Actor?.Candidate) is { } protested)
            roles.Target = new Role(protested, false);
        var associates = ContextRoleReader.ReadAssociates(words, candidates, i, end, roles.Actor, roles.Target);
        var previous = found.Count > 0 && found[^1].Event.SentenceStart == document.Sentences[words[i].Sentence].Start ? found[^1].Event : null;
        // حين تمكنوا من طردهم after هزم مقاتلي التنظيم: the same target in the same sentence, the same actor.
        if (roles.Actor is null && previous is { Actor: { Inferred: false } previousActor, Target: { } previousTarget } && roles.Target is { } sharedTarget
            && (previousTarget.EntityId is not null && previousTarget.EntityId == sharedTarget.Candidate.EntityId || previousTarget.Name == sharedTarget.Candidate.Name))
            roles.Actor = candidates.Find(c => c.Start == previousActor.Start) is { } shared ? new Role(shared, false) : null;
        if (roles.Actor is null && !roles.Passive && ContextRoleReader.Reporter(words, candidates, i) is { } reporter) roles.Actor = new Role(reporter, false);
        if (roles.Actor is null && !roles.Passive && definition.Plover != "PROTEST")
            roles.Actor = ContextRoleReader.InferActor(words, candidates, i, roles.Target, associates);
        var place = CircumstanceReader.ReadPlace(words, candidates, i, end, sentenceFirst, sentenceEnd, roles.Target, roles.Pronoun);
        // غارات على درنة / كانت هدفا لغارات: what is attacked, when nothing else is named, is the place.
        if (roles.Target is null && !definition.GenitiveIsActor && definition.Plover is "ASSAULT" or "COERCE" && place?.EntityId is { } placeId)
        {
            roles.Target = candidates.Find(c => c.EntityId == placeId && c.Start == place.Start) is { } placeCandidate ? new Role(placeCandidate, false) : null;
            roles.TargetFromPlace = roles.Target is not null;
        }
        var (modality, past) = CircumstanceReader.ReadModality(words, i, end, definition.Modality);
        // لاقتحام درنة وانتزاعها: a coordinated trigger shares the modality of the event it continues.
        if (previous is not null && words[i].Proclitics.HasFlag(Proclitics.Wa) && i - LastWord(found) <= 3 && previous.Modality > modality)
            modality = previous.Modality;
        var date = CircumstanceReader.ReadDate(document, words, i, sentenceFirst, sentenceEnd, past);
        var (fatalities, victims, victimsKilled) = CircumstanceReader.ReadFatalities(document, words, candidates, i, end, sentenceFirst, sentenceEnd);
        var targetRank = roles.Target is null ? 0 : roles.TargetFromPlace ? 1 : roles.Target.Candidate.Type == "NOUN" ? 2 : roles.Aimed ? AimedRank : 3;
        // Whom a killing clause names as killed is its victim as surely as the counted dead.
        if (definition.Type == "killing" && targetRank == 3) targetRank = KilledRank;
        // مقتل سبعة أشخاص: the counted dead (better than the counted wounded) are who the attack was done to.
        var victimsRank = victimsKilled ? KilledRank : WoundedRank;
        if (victims is not null && definition.Plover == "ASSAULT" && victims != roles.Actor?.Candidate && victimsRank >= targetRank)
        {
            roles.Target = new Role(victims, false);
            targetRank = victimsRank;
        }

        var (acledType, acledSubType) = EventCoding.AcledPair(AcledKey(definition, roles.Actor?.Candidate, roles.Target?.Candidate));
        var confidence = score;
        if (roles.Actor is { Inferred: false }) confidence += 0.05;
        if (roles.Actor is { Inferred: true }) confidence -= 0.1;
        if (place is not null) confidence += 0.03;
        var mention = new EventMention(
            definition.Type,
            definition.Cameo,
            definition.Plover,
            acledType,
            acledSubType,
            roles.Actor is { } actor ? Participant(actor.Candidate, actor.Inferred) : null,
            roles.Target is { } target ? Participant(target.Candidate, false) : null,
            associates.ConvertAll(a => Participant(a, false)),
            place,
            date,
            fatalities,
            modality,
            words[i].Start,
            words[end - 1].End,
            document.Body[words[i].Start..words[end - 1].End],
            document.Sentences[words[i].Sentence].Start,
            document.Sentences[words[i].Sentence].End,
            Math.Round(Math.Clamp(confidence, 0.05, 0.99), 2));
        return new FoundEvent(mention, i, definition.Weight, targetRank);
    }

    private static int LastWord(List<FoundEvent> found) => found[^1].Word;

    private static bool Vetoed(ReadOnlySpan<EventWord> words, int end)
    {
        for (var k = end; k < Math.Min(words.Length, end + 2); k++)
        {
            if (words[k].Veto) return true;
        }
        return false;
    }

    private static (int First, int End) SentenceBounds(ReadOnlySpan<EventWord> words, int i)
    {
        var first = i;
        while (first > 0 && words[first - 1].Sentence == words[i].Sentence) first--;
        var end = i;
        while (end < words.Length && words[end].Sentence == words[i].Sentence) end++;
        return (first, end);
    }

    /// <summary>ACLED distinguishes who was attacked (civilians or armed men) and who took territory (a state or not).</summary>
    private static string AcledKey(TriggerDefinition definition, Candidate? actor, Candidate? target) => definition.Acled switch
    {
        "attack" when target is { Agent: "MIL" or "COP" or "REB" or "UAF" } or { Type: "GROUP" } => "armed_clash",
        "territory" when actor is { Agent: "MIL" or "GOV" } && actor.Type != "GROUP" => "territory_government",
        var key => key,
    };

    private EventParticipant Participant(Candidate candidate, bool inferred)
    {
        var country = Lexicon.Iso3(candidate.Country);
        var agent = candidate.Agent is "ELI" ? null : candidate.Agent;
        var code = country is null && agent is null ? null : country + agent;
        return new EventParticipant(candidate.Text, candidate.Start, candidate.End, candidate.EntityId, candidate.Name,
            candidate.Country, candidate.Agent, code, inferred);
    }
}
