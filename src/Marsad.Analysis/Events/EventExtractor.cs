using Marsad.Analysis.Dates;
using Marsad.Analysis.Linking;
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
    private readonly Gazetteer _gazetteer = gazetteer ?? Gazetteer.Default;

    private const int BeforeWindow = 6;
    private const int NearWindow = 2;
    private const int AfterWindow = 4;
    private const int ClauseWindow = 10;
    private const int InferenceWindow = 60;
    private const double Threshold = 0.5;
    private const double ContextBonus = 0.1;
    private const double OffTopicPenalty = 0.5;

    private static readonly Lazy<EventExtractor> DefaultInstance = new(() => new EventExtractor(EventLexicon.BuiltIn));

    public static EventExtractor Default => DefaultInstance.Value;

    public EventLexicon Lexicon { get; } = lexicon ?? throw new ArgumentNullException(nameof(lexicon));

    /// <summary>An event as read, before merging: its trigger word, the trigger's weight, and how good its target is
    /// (4 the counted dead or wounded, 3 a named participant, 2 a bare noun, 1 the place standing in for a target, 0 none).</summary>
    private readonly record struct Found(EventMention Event, int Word, double Weight, int TargetRank);

    public List<EventMention> Extract(Document document)
    {
        var words = ReadWords(document);
        Annotate(words);
        var candidates = FindCandidates(document, words);
        var found = new List<Found>();
        for (var i = 0; i < words.Length; i++)
        {
            // إطلاق النار inside وقف إطلاق النار is part of the ceasefire, not a shooting.
            if (words[i].Trigger is not null && !words[i].InTrigger && Read(document, words, candidates, i, found) is { } read) found.Add(read);
        }
        return Merge(found);
    }

    private EventWord[] ReadWords(Document document)
    {
        var body = document.Body;
        var chain = ArabicAnalyzerChain.ForCurrentThread;
        var words = new List<EventWord>(document.TokenCount + 16);
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            var sentence = document.Sentences[s];
            foreach (var token in chain.Analyze(body.AsSpan(sentence.Start, sentence.End - sentence.Start)))
            {
                var start = sentence.Start + token.Token.Start;
                var isContent = token.Token.IsContent;
                var (id, baseId) = isContent ? WordIds(token.Normalized, token.Clitics.Proclitics, token.Base) : (-1, -1);
                words.Add(new EventWord
                {
                    Start = start,
                    End = start + token.Token.Length,
                    Sentence = s,
                    Id = id,
                    BaseId = baseId,
                    Kind = token.Token.Kind,
                    Proclitics = token.Clitics.Proclitics,
                    Enclitic = token.Clitics.Enclitic,
                    StopWord = token.IsStopWord,
                    HardStop = !isContent && token.Token.Length == 1 && body[start] is '.' or '!' or '?' or '؟',
                    Participant = -1,
                });
            }
        }
        return [.. words];
    }

    /// <summary>
    /// The lexicon ids of a word: first as written (whole, then without a leading و/ف, then as ال + base when it has
    /// the article: وبالمجلس → المجلس), and second by its base (مجلس), which finds entries listed without the article.
    /// When neither is known, the base without the accusative ending ا (مسلحا) or the dual ending ان/ين (جنديان) is
    /// tried, since the lexicon need not list every inflection.
    /// </summary>
    private (int Id, int BaseId) WordIds(ReadOnlySpan<char> normalized, Proclitics proclitics, ReadOnlySpan<char> word)
    {
        var id = Lexicon.Id(normalized);
        if (id < 0 && (proclitics & (Proclitics.Wa | Proclitics.Fa)) != 0 && normalized.Length > 3) id = Lexicon.Id(normalized[1..]);
        if (id < 0 && proclitics.HasFlag(Proclitics.Al) && word.Length + 2 <= 64)
        {
            Span<char> definite = stackalloc char[word.Length + 2];
            definite[0] = 'ا';
            definite[1] = 'ل';
            word.CopyTo(definite[2..]);
            id = Lexicon.Id(definite);
        }
        var baseId = Lexicon.Id(word);
        if (id < 0 && baseId < 0 && word.Length > 3)
        {
            if (word[^1] == 'ا') baseId = Lexicon.Id(word[..^1]);
            else if (word.Length > 4 && word[^1] == 'ن' && word[^2] is 'ا' or 'ي') baseId = Lexicon.Id(word[..^2]);
        }
        if (id < 0) return (baseId, -1);
        return (id, baseId == id ? -1 : baseId);
    }

    /// <summary>Marks, at each word, the longest lexicon form of each kind that starts there.</summary>
    private void Annotate(EventWord[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            AnnotateFrom(words, i, Lexicon.EntriesStartingWith(words[i].Id));
            if (words[i].BaseId >= 0) AnnotateFrom(words, i, Lexicon.EntriesStartingWith(words[i].BaseId));
        }
    }

    private static void AnnotateFrom(EventWord[] words, int i, IReadOnlyList<LexiconEntry> entries)
    {
        foreach (var entry in entries)
        {
            var length = entry.Words.Length;
            if (!Matches(words, i, entry.Words)) continue;
            // A verb never takes the article: الفجر is dawn, not "he detonated".
            if (entry.Verb && words[i].Proclitics.HasFlag(Proclitics.Al)) continue;
            ref var w = ref words[i];
            switch (entry.Kind)
            {
                case LexiconEntryKind.Trigger when length > w.TriggerLength:
                    w.Trigger = entry;
                    w.TriggerLength = length;
                    for (var k = 1; k < length; k++) words[i + k].InTrigger = true;
                    break;
                case LexiconEntryKind.Cue when entry.Direction == CueDirection.After:
                    w.AfterCue = entry;
                    break;
                case LexiconEntryKind.Cue when length > w.CueLength:
                    w.Cue = entry;
                    w.CueLength = length;
                    break;
                case LexiconEntryKind.PastCue:
                    w.PastCue = entry;
                    break;
                case LexiconEntryKind.Agent when length > w.AgentLength:
                    w.Agent = entry;
                    w.AgentLength = length;
                    break;
                case LexiconEntryKind.Group when length > w.GroupLength:
                    w.Group = entry;
                    w.GroupLength = length;
                    break;
                case LexiconEntryKind.Anaphor:
                    w.Anaphor = entry;
                    break;
                case LexiconEntryKind.Preposition:
                    w.Preposition = entry.Code;
                    break;
                case LexiconEntryKind.Fatality:
                    w.Fatality = entry.Code;
                    break;
                case LexiconEntryKind.Context:
                    w.Context = w.Context is null || w.Context == entry.Code ? entry.Code : w.Context;
                    break;
                case LexiconEntryKind.Quantity:
                    w.Quantity = entry.Quantity;
                    break;
                case LexiconEntryKind.Veto:
                    w.Veto = true;
                    break;
                case LexiconEntryKind.Associate:
                    w.Associate = true;
                    break;
                case LexiconEntryKind.LightVerb:
                    w.LightVerb = true;
                    break;
                case LexiconEntryKind.Number:
                    w.Number = entry.Quantity;
                    break;
                case LexiconEntryKind.Resumptive:
                    w.Resumptive = true;
                    break;
                case LexiconEntryKind.NonFiller:
                    w.NonFiller = true;
                    break;
                case LexiconEntryKind.Undergo:
                    w.Undergo = true;
                    break;
                case LexiconEntryKind.Demonstrative:
                    w.Demonstrative = true;
                    break;
                case LexiconEntryKind.Relative:
                    w.Relative = true;
                    break;
            }
        }
    }

    private static bool Matches(EventWord[] words, int at, int[] ids)
    {
        if (at + ids.Length > words.Length) return false;
        for (var k = 1; k < ids.Length; k++)
        {
            var w = words[at + k];
            if (w.Id != ids[k] && w.BaseId != ids[k] || w.Sentence != words[at].Sentence) return false;
        }
        return true;
    }

    private List<Candidate> FindCandidates(Document document, EventWord[] words)
    {
        var named = NamedCandidates(document, words);
        var result = new List<Candidate>();
        var nextNamed = 0;
        for (var i = 0; i < words.Length;)
        {
            while (nextNamed < named.Count && named[nextNamed].FirstWord < i) nextNamed++;
            var startsNamed = nextNamed < named.Count && named[nextNamed].FirstWord == i ? named[nextNamed] : null;
            if (words[i].Agent is { } role && startsNamed is null)
            {
                var roleEnd = i + words[i].AgentLength;
                // مفجرون انتحاريون: consecutive role nouns are one participant.
                while (roleEnd < words.Length && words[roleEnd].Agent is not null && StartingAt(named, roleEnd) is null
                    && words[roleEnd].Sentence == words[i].Sentence)
                    roleEnd += words[roleEnd].AgentLength;
                // مسلحين من القبائل is one actor; مقربون من اللواء (people close to the general) are not the general.
                var after = roleEnd < words.Length && words[roleEnd].Preposition == "origin" && role.Code is not "ELI" ? roleEnd + 1 : roleEnd;
                var owner = StartingAt(named, after) ?? ResolveAnaphor(document, words, result, after);
                if (owner is null && after > roleEnd && after < words.Length && IsBareNoun(document, words, after)) roleEnd = after + 1;
                var candidate = owner is null
                    ? Make(document, words, i, roleEnd, Text(document, words, i, roleEnd), "ROLE")
                    : Make(document, words, i, owner.EndWord, Text(document, words, i, roleEnd) + " " + owner.Name, owner.Type);
                candidate.Agent = role.Code;
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
    private List<Candidate> NamedCandidates(Document document, EventWord[] words)
    {
        var linked = new Dictionary<string, LinkedEntity>(StringComparer.Ordinal);
        foreach (var entity in document.LinkedEntities) linked[entity.Id] = entity;
        var result = new List<Candidate>();
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
                    var candidate = Make(document, words, i, end, Text(document, words, i, end), "GROUP");
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

    /// <summary>A country mention that is not one of the country's names is its adjective (الأميركية, مصرية): an actor, not a place.</summary>
    private static bool IsDemonym(string text, Place country)
    {
        var key = PlaceNames.Key(text);
        foreach (var name in country.Names)
        {
            var nameKey = PlaceNames.Key(name);
            if (key == nameKey || key.EndsWith(nameKey, StringComparison.Ordinal) && key.Length - nameKey.Length <= 2) return false;
        }
        return true;
    }

    /// <summary>المدينة → the last town named; المجلس → the last organisation whose name starts with مجلس.</summary>
    private static Candidate? ResolveAnaphor(Document document, EventWord[] words, List<Candidate> before, int at)
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
            var candidate = Make(document, words, at, at + 1, Text(document, words, at, at + 1), antecedent.Type);
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
        var unresolved = Make(document, words, at, at + 1, Text(document, words, at, at + 1), "ORG");
        unresolved.Mentions = 1;
        return unresolved;
    }

    /// <summary>A content noun no lexicon entry claims and no date covers: the fallback filler of a role (اغتيال النائب).</summary>
    private static bool IsBareNoun(Document document, EventWord[] words, int k)
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
    private static Candidate? Filler(Document document, EventWord[] words, List<Candidate> candidates, int from, int gap)
    {
        var skipped = 0;
        for (var k = from; k < words.Length && words[k].Sentence == words[from].Sentence; k++)
        {
            var w = words[k];
            if (w.HardStop || w.Preposition is not null && w.Preposition != "origin") return null;
            if (w.Participant >= 0) return candidates[w.Participant].FirstWord == k ? candidates[w.Participant] : null;
            if (w.Kind == TokenKind.Number || w.Quantity > 0 || w.Preposition == "origin" || IsNumberWord(document, w)) continue;
            if (IsBareNoun(document, words, k))
            {
                var end = k + 1;
                var candidate = Make(document, words, k, end, Text(document, words, k, end), "NOUN");
                candidate.Mentions = 0;
                return candidate;
            }
            if (++skipped > gap) return null;
        }
        return null;
    }

    private static bool IsNumberWord(Document document, EventWord w) => NumberWordValue(document, w) > 0;

    /// <summary>The value of a number written in words: ten and below from the date lexicon, larger ones from the event lexicon.</summary>
    private static int NumberWordValue(Document document, EventWord w)
    {
        if (w.Number > 0) return w.Number;
        return w.Kind == TokenKind.ArabicWord && DateLexicon.Classify(document.Body.AsSpan(w.Start, w.End - w.Start), out _) is { Kind: DateWordKind.Number } word
            ? word.Value
            : 0;
    }

    private static bool SameWord(EventWord a, EventWord b) =>
        a.Id >= 0 && (a.Id == b.Id || a.Id == b.BaseId) || a.BaseId >= 0 && (a.BaseId == b.Id || a.BaseId == b.BaseId);

    private static Candidate Make(Document document, EventWord[] words, int first, int end, string text, string type) => new()
    {
        FirstWord = first,
        EndWord = end,
        Start = words[first].Start,
        End = words[end - 1].End,
        Text = text,
        Name = text,
        Type = type,
    };

    private static string Text(Document document, EventWord[] words, int first, int end) =>
        document.Body[words[first].Start..words[end - 1].End];

    private Found? Read(
        Document document, EventWord[] words, List<Candidate> candidates, int i, List<Found> found)
    {
        var entry = words[i].Trigger!;
        var definition = entry.Trigger!;
        var end = i + words[i].TriggerLength;
        if (Vetoed(words, end) || i > 0 && words[i - 1].Demonstrative && words[i - 1].Sentence == words[i].Sentence) return null;
        // A trigger word inside a name (a person, a place, a film title tagged MISC) is part of the name.
        if (words[i].Participant >= 0 && candidates[words[i].Participant].Type is "PERS" or "LOC" or "MISC") return null;

        var (sentenceFirst, sentenceEnd) = SentenceBounds(words, i);
        var context = ReadContext(words, candidates, sentenceFirst, sentenceEnd, i, end);
        if (definition.Needs == "armed" && !context.Armed) return null;
        if (definition.Needs == "protest" && !context.Protest) return null;
        var score = definition.Weight;
        if (definition.Plover == "ASSAULT" && context.Armed) score += ContextBonus;
        if (definition.Plover == "PROTEST" && context.Protest) score += ContextBonus;
        if (context.OffTopic) score -= OffTopicPenalty;
        if (context.Accident && !context.Armed && definition.Plover == "ASSAULT") return null;
        if (score < Threshold) return null;

        var roles = ReadRoles(document, words, candidates, i, end, entry, definition);
        // One participant cannot be both sides of the event (a bare plural read first as subject, then as object).
        if (roles.Target is not null && roles.Actor is not null && roles.Target.Candidate == roles.Actor.Candidate) roles.Target = null;
        if (roles.Target is null && definition.Plover == "PROTEST"
            && ProtestTarget(words, candidates, i, end, sentenceFirst, sentenceEnd, roles.Actor?.Candidate) is { } protested)
            roles.Target = new Role(protested, false);
        var associates = ReadAssociates(words, candidates, i, end, roles.Actor, roles.Target);
        var previous = found.Count > 0 && found[^1].Event.SentenceStart == document.Sentences[words[i].Sentence].Start ? found[^1].Event : null;
        // حين تمكنوا من طردهم after هزم مقاتلي التنظيم: the same target in the same sentence, the same actor.
        if (roles.Actor is null && previous is { Actor: { Inferred: false } previousActor, Target: { } previousTarget } && roles.Target is { } sharedTarget
            && (previousTarget.EntityId is not null && previousTarget.EntityId == sharedTarget.Candidate.EntityId || previousTarget.Name == sharedTarget.Candidate.Name))
            roles.Actor = candidates.Find(c => c.Start == previousActor.Start) is { } shared ? new Role(shared, false) : null;
        if (roles.Actor is null && !roles.Passive && Reporter(words, candidates, i) is { } reporter) roles.Actor = new Role(reporter, false);
        if (roles.Actor is null && !roles.Passive && definition.Plover != "PROTEST")
            roles.Actor = InferActor(words, candidates, i, roles.Target, associates);
        var place = ReadPlace(words, candidates, i, end, sentenceFirst, sentenceEnd, roles.Target, roles.Pronoun);
        // غارات على درنة / كانت هدفا لغارات: what is attacked, when nothing else is named, is the place.
        if (roles.Target is null && !definition.GenitiveIsActor && definition.Plover is "ASSAULT" or "COERCE" && place?.EntityId is { } placeId)
        {
            roles.Target = candidates.Find(c => c.EntityId == placeId && c.Start == place.Start) is { } placeCandidate ? new Role(placeCandidate, false) : null;
            roles.TargetFromPlace = roles.Target is not null;
        }
        var (modality, past) = ReadModality(words, i, end, definition.Modality);
        // لاقتحام درنة وانتزاعها: a coordinated trigger shares the modality of the event it continues.
        if (previous is not null && words[i].Proclitics.HasFlag(Proclitics.Wa) && i - LastWord(found) <= 3 && previous.Modality > modality)
            modality = previous.Modality;
        var date = ReadDate(document, words, i, sentenceFirst, sentenceEnd, past);
        var (fatalities, victims) = ReadFatalities(document, words, candidates, i, end, sentenceFirst, sentenceEnd);
        var targetRank = roles.Target is null ? 0 : roles.TargetFromPlace ? 1 : roles.Target.Candidate.Type == "NOUN" ? 2 : 3;
        // مقتل سبعة أشخاص: the counted dead are who the attack was done to, when the clause names nobody better.
        if (victims is not null && definition.Plover == "ASSAULT" && victims != roles.Actor?.Candidate)
        {
            roles.Target = new Role(victims, false);
            targetRank = 4;
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
        return new Found(mention, i, definition.Weight, targetRank);
    }

    private static int LastWord(List<Found> found) => found[^1].Word;

    private static bool Vetoed(EventWord[] words, int end)
    {
        for (var k = end; k < Math.Min(words.Length, end + 2); k++)
        {
            if (words[k].Veto) return true;
        }
        return false;
    }

    private static (int First, int End) SentenceBounds(EventWord[] words, int i)
    {
        var first = i;
        while (first > 0 && words[first - 1].Sentence == words[i].Sentence) first--;
        var end = i;
        while (end < words.Length && words[end].Sentence == words[i].Sentence) end++;
        return (first, end);
    }

    private readonly record struct SentenceContext(bool Armed, bool Protest, bool OffTopic, bool Accident);

    /// <summary>What the rest of the sentence (the trigger's own words left out) shows: armed violence, a protest, sport/technology/culture.</summary>
    private static SentenceContext ReadContext(EventWord[] words, List<Candidate> candidates, int first, int end, int triggerFirst, int triggerEnd)
    {
        bool armed = false, protest = false, offTopic = false, accident = false;
        for (var k = first; k < end; k++)
        {
            var w = words[k];
            if (w.Context == "offtopic") offTopic = true;
            if (w.Context == "accident") accident = true;
            if (k >= triggerFirst && k < triggerEnd) continue;
            if (w.Context == "armed") armed = true;
            else if (w.Context == "protest") protest = true;
            if (w.Trigger?.Trigger is { Needs: null } other)
            {
                if (other.Plover == "ASSAULT") armed = true;
                else if (other.Plover == "PROTEST") protest = true;
            }
            if (w.Participant >= 0 && candidates[w.Participant] is { Agent: "MIL" or "COP" or "REB" or "UAF" } or { Type: "GROUP" }) armed = true;
        }
        return new(armed, protest, offTopic, accident);
    }

    private sealed class Role(Candidate candidate, bool inferred)
    {
        public Candidate Candidate { get; } = candidate;

        public bool Inferred { get; } = inferred;
    }

    private sealed class Roles
    {
        public Role? Actor;
        public Role? Target;

        /// <summary>What a pronoun attached to the trigger (قصفها, طردهم) points back to.</summary>
        public Candidate? Pronoun;

        /// <summary>The target is the event's place, put there for want of a named target.</summary>
        public bool TargetFromPlace;

        /// <summary>The clause is passive: no actor is named and none should be guessed from the context.</summary>
        public bool Passive;
    }

    private Roles ReadRoles(Document document, EventWord[] words, List<Candidate> candidates, int i, int end, LexiconEntry entry, TriggerDefinition definition)
    {
        var roles = new Roles();
        var verb = entry.Verb;
        // المتظاهرون, انتحاري: the trigger names the one who acts.
        if (words[i].Participant >= 0 && candidates[words[i].Participant] is { Agent: not null } self && self.FirstWord == i)
            roles.Actor = new Role(self, false);
        var pronoun = words[end - 1].Enclitic;
        if (pronoun != Enclitic.None) roles.Pronoun = ResolvePronoun(words, candidates, i, pronoun);

        if (Undergoer(words, candidates, i) is { } undergoer)
        {
            // تعرضت القوات الأميركية لهجوم: the subject of "underwent" is the target.
            roles.Target = new Role(undergoer, false);
        }
        else if (entry.Passive)
        {
            // اغتيل كرامي: a passive verb is followed by who underwent it; who did it is not said.
            if (Filler(document, words, candidates, end, 1) is { } patient) roles.Target = new Role(patient, false);
            roles.Passive = true;
        }
        else if (definition.Type is "killing" or "injury" or "assassination" && VictimBefore(document, words, candidates, i) is { } victim)
        {
            // 11 مدنيا قتلوا / بوتو قد قتلت: news writes killings in the passive, so a civilian or a person just before is the victim.
            roles.Target = new Role(victim, false);
            roles.Passive = true;
        }
        else if (verb && i > 0 && words[i - 1].Relative)
        {
            // أول من هزم مقاتلي التنظيم: the subject is the antecedent; what follows is the object.
            if (FollowingBare(words, candidates, end, 3) is { } objectOfVerb) roles.Target = new Role(objectOfVerb, false);
            for (var k = i - 2; k >= 0 && words[k].Sentence == words[i].Sentence && roles.Actor is null; k--)
            {
                if (words[k].Participant >= 0 && candidates[words[k].Participant] is { CanAct: true } antecedent) roles.Actor = new Role(antecedent, false);
            }
        }
        else if (verb)
        {
            var before = AdjacentBefore(words, candidates, i);
            var after = FollowingBare(words, candidates, end, 3) ?? Filler(document, words, candidates, end, 1);
            // A verb that agrees in the plural (اغتالوا, يطلقون) has its subject before it or in itself: what follows is the object.
            var pluralVerb = PluralVerb(document, words[end - 1]);
            if (roles.Actor is null)
            {
                if (before is { CanAct: true } || before is { Agent: not null } && pluralVerb) roles.Actor = new Role(before, false);
                else if (!pluralVerb && after is not null && (after.CanAct || after.Agent is not null || after.Type == "NOUN"))
                {
                    roles.Actor = new Role(after, false);
                    after = FollowingBare(words, candidates, after.EndWord, 4) ?? Filler(document, words, candidates, after.EndWord, 1);
                }
            }
            if (roles.Pronoun is not null) roles.Target = new Role(roles.Pronoun, false);
            else if (after is not null && after != roles.Actor?.Candidate) roles.Target = new Role(after, false);
        }
        else
        {
            // قتل جنديان / قتل مسلحون خمسة جنود: قتل is passive unless armed men follow and then whom they killed.
            if (definition.Type is "killing" && !words[i].Proclitics.HasFlag(Proclitics.Al) && Filler(document, words, candidates, end, 1) is { } next)
            {
                // The killed must be named (a participant), not a bare word that may be the armed men's adjective.
                var then = Filler(document, words, candidates, next.EndWord, 1) is { Type: not "NOUN" } named ? named : null;
                if (next.Agent is "MIL" or "COP" or "REB" or "UAF" || next.Type == "GROUP")
                {
                    if (then is not null) roles.Actor ??= new Role(next, false);
                    roles.Target = then is not null ? new Role(then, false) : new Role(next, false);
                }
                else roles.Target = new Role(next, false);
                roles.Passive = roles.Actor is null;
            }
            // A noun with the article cannot head a genitive: in الحصار المحكم the next word is an adjective.
            var definite = words[i].Proclitics.HasFlag(Proclitics.Al) || roles.Target is not null;
            var genitive = roles.Pronoun ?? (end < words.Length && !definite ? Filler(document, words, candidates, end, 0) : null);
            // Without the article a bare word after an indefinite noun is mostly its adjective (معارك طاحنة), not a genitive.
            if (genitive is { Type: "NOUN" } && !words[genitive.FirstWord].Proclitics.HasFlag(Proclitics.Al)) genitive = null;
            if (genitive is not null && words[genitive.FirstWord].Proclitics.HasFlag(Proclitics.Bi)) genitive = null;
            if (genitive is not null)
            {
                // معارك بنغازي: a place after a noun of action is where it happened, not who acted.
                if (genitive.Demonym || definition.GenitiveIsActor && !genitive.IsPlace) roles.Actor ??= new Role(genitive, false);
                else if (!definition.GenitiveIsActor) roles.Target = new Role(genitive, false);
            }
            for (var k = end; k < Math.Min(words.Length, end + 3) && roles.Actor is null; k++)
            {
                if (words[k].HardStop || words[k].Sentence != words[i].Sentence) break;
                if (words[k].Participant < 0)
                {
                    // الضربات الجوية الأميركية: an adjective of nationality the NER model left untagged.
                    if (DemonymAt(document, words, k) is { } nationality) roles.Actor = new Role(nationality, false);
                    continue;
                }
                var candidate = candidates[words[k].Participant];
                if (candidate.FirstWord != k) continue;
                if (candidate.Demonym || words[k].Proclitics.HasFlag(Proclitics.Li) && candidate.CanAct) roles.Actor = new Role(candidate, false);
            }
            if (roles.Actor is null && LightVerbSubject(words, candidates, i) is { } subject) roles.Actor = new Role(subject, false);
            if (roles.Actor is null && LightVerbAfter(document, words, candidates, end) is { } doer) roles.Actor = new Role(doer, false);
        }
        if (roles.Target is null && AfterPreposition(document, words, candidates, end, "target") is { } opposed && opposed != roles.Actor?.Candidate)
            roles.Target = new Role(opposed, false);
        return roles;
    }

    /// <summary>
    /// Who was killed, written before a passive verb: a civilian, a person or a bare noun at most four words back, past
    /// a number and words like على الأقل (28 شخصا على الأقل قتلوا). Armed agents before the verb are its subject instead.
    /// </summary>
    private static Candidate? VictimBefore(Document document, EventWord[] words, List<Candidate> candidates, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 4); k--)
        {
            if (words[k].HardStop || words[k].Sentence != words[i].Sentence || words[k].Trigger is not null) return null;
            if (words[k].Participant >= 0)
            {
                var candidate = candidates[words[k].Participant];
                return candidate.Agent is "CVL" or null && candidate.Type is not "GROUP" and not "LOC" || candidate.Type is "PERS" ? candidate : null;
            }
            if (words[k].Kind == TokenKind.Number || words[k].StopWord || words[k].Quantity > 0 || IsNumberWord(document, words[k])) continue;
            if (IsBareNoun(document, words, k))
            {
                // The noun a number counts, or a noun right before the verb.
                var counted = k > 0 && (words[k - 1].Kind == TokenKind.Number || IsNumberWord(document, words[k - 1]));
                return counted || k == i - 1 ? Make(document, words, k, k + 1, Text(document, words, k, k + 1), "NOUN") : null;
            }
        }
        return null;
    }

    /// <summary>The subject of a "be subjected to" verb within eight words before the trigger, after or just before that verb.</summary>
    private static Candidate? Undergoer(EventWord[] words, List<Candidate> candidates, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 8); k--)
        {
            if (words[k].HardStop || words[k].Sentence != words[i].Sentence) return null;
            if (!words[k].Undergo) continue;
            for (var j = k + 1; j < i; j++)
            {
                if (words[j].Participant >= 0) return candidates[words[j].Participant];
            }
            return AdjacentBefore(words, candidates, k);
        }
        return null;
    }

    private static bool PluralVerb(Document document, EventWord word)
    {
        var text = document.Body.AsSpan(word.Start, word.End - word.Start);
        return text.EndsWith("وا") || text.EndsWith("ون") || text.EndsWith("ان");
    }

    /// <summary>
    /// Whom a protest is against when no preposition says it: the first government, person, organisation or country named
    /// after the trigger in the sentence (هتف المتظاهرون … الحكومة), else the last one before it.
    /// </summary>
    private static Candidate? ProtestTarget(EventWord[] words, List<Candidate> candidates, int i, int end, int sentenceFirst, int sentenceEnd, Candidate? actor)
    {
        static bool Fits(Candidate c, Candidate? actor) => c != actor && (c.EntityId is null || c.EntityId != actor?.EntityId)
            && (c.Type is "PERS" or "ORG" or "GROUP" || c.Agent is "GOV" or "MIL" or "COP" || c.Place is { Kind: PlaceKind.Country } || c.Demonym);
        for (var k = end; k < sentenceEnd; k++)
        {
            if (words[k].Participant >= 0 && Fits(candidates[words[k].Participant], actor)) return candidates[words[k].Participant];
        }
        for (var k = i - 1; k >= sentenceFirst; k--)
        {
            if (words[k].Participant >= 0 && Fits(candidates[words[k].Participant], actor)) return candidates[words[k].Participant];
        }
        return null;
    }

    /// <summary>The participant just before a verb (SVO: الانتحاريين فجرا), at most one word away.</summary>
    private static Candidate? AdjacentBefore(EventWord[] words, List<Candidate> candidates, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 2); k--)
        {
            if (words[k].HardStop) return null;
            if (words[k].Participant >= 0) return candidates[words[k].Participant].EndWord >= i - 1 ? candidates[words[k].Participant] : null;
        }
        return null;
    }

    /// <summary>The first participant after <paramref name="from"/> not introduced by a preposition (a subject or object), within <paramref name="window"/> words.</summary>
    private static Candidate? FollowingBare(EventWord[] words, List<Candidate> candidates, int from, int window)
    {
        for (var k = from; k < Math.Min(words.Length, from + window); k++)
        {
            var w = words[k];
            if (w.HardStop || w.Preposition is not null || w.Trigger is not null) return null;
            if (w.Participant < 0) continue;
            var candidate = candidates[w.Participant];
            if (candidate.FirstWord != k) continue;
            return (w.Proclitics & (Proclitics.Bi | Proclitics.Li | Proclitics.Ka)) != 0 ? null : candidate;
        }
        return null;
    }

    /// <summary>The participant after the first preposition of <paramref name="role"/> in the clause after the trigger (على/ضد: target).</summary>
    private static Candidate? AfterPreposition(Document document, EventWord[] words, List<Candidate> candidates, int from, string role)
    {
        for (var k = from; k < Math.Min(words.Length, from + ClauseWindow); k++)
        {
            if (words[k].HardStop || k > from && words[k].Trigger is not null) return null;
            if (words[k].Preposition != role) continue;
            for (var j = k + 1; j < Math.Min(words.Length, k + 3); j++)
            {
                if (words[j].Participant >= 0) return candidates[words[j].Participant];
            }
            // ضد مدرسة للبنات: a plain noun after the preposition is the target too.
            return k + 1 < words.Length ? Filler(document, words, candidates, k + 1, 0) : null;
        }
        return null;
    }

    /// <summary>A nationality adjective at word <paramref name="k"/> (nisba ending), as a country actor.</summary>
    private Candidate? DemonymAt(Document document, EventWord[] words, int k)
    {
        var text = document.Body.AsSpan(words[k].Start, words[k].End - words[k].Start);
        if (words[k].Kind != TokenKind.ArabicWord || text.Length < 4 || !(text.EndsWith("ي") || text.EndsWith("ية") || text.EndsWith("يين")
            || text.EndsWith("يون") || text.EndsWith("يان"))) return null;
        if (_gazetteer.DemonymCountry(text.ToString()) is not { } iso || _gazetteer.Country(iso) is not { } country) return null;
        var candidate = Make(document, words, k, k + 1, text.ToString(), "MISC");
        candidate.Name = country.Name;
        candidate.Country = iso;
        candidate.Place = country;
        candidate.Demonym = true;
        return candidate;
    }

    /// <summary>هجوم مسلح نفذه متطرف / عمليات نفذها قراصنة: a light verb after the trigger, pointing back to it, then its doer.</summary>
    private static Candidate? LightVerbAfter(Document document, EventWord[] words, List<Candidate> candidates, int end)
    {
        for (var k = end; k < Math.Min(words.Length, end + 4); k++)
        {
            if (words[k].HardStop || words[k].Sentence != words[end - 1].Sentence || words[k].Trigger is not null) return null;
            if (!words[k].LightVerb) continue;
            var pointsBack = words[k].Enclitic != Enclitic.None || k > 0 && words[k - 1].Relative;
            return pointsBack && k + 1 < words.Length ? Filler(document, words, candidates, k + 1, 0) : null;
        }
        return null;
    }

    /// <summary>شنت طائرات إسرائيلية غارات: the participant between a light verb and its noun trigger.</summary>
    private static Candidate? LightVerbSubject(EventWord[] words, List<Candidate> candidates, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 7); k--)
        {
            if (words[k].HardStop) return null;
            if (!words[k].LightVerb) continue;
            for (var j = k + 1; j < i; j++)
            {
                if (words[j].Participant >= 0 && candidates[words[j].Participant] is { CanAct: true } subject) return subject;
            }
            return null;
        }
        return null;
    }

    private static Candidate? ResolvePronoun(EventWord[] words, List<Candidate> candidates, int i, Enclitic pronoun)
    {
        var start = words[i].Participant >= 0 ? candidates[words[i].Participant].FirstWord : i;
        for (var k = start - 1; k >= Math.Max(0, start - InferenceWindow); k--)
        {
            if (words[k].Participant < 0) continue;
            var candidate = candidates[words[k].Participant];
            var fits = pronoun switch
            {
                Enclitic.Ha => candidate.IsPlace && candidate.Place!.Kind != PlaceKind.Country,
                Enclitic.Hum or Enclitic.Huma => candidate.Agent is not null || candidate.Type is "GROUP" or "ORG",
                Enclitic.Hu => candidate.Type is "PERS" or "ORG" or "GROUP" || candidate.Agent is not null,
                _ => false,
            };
            if (fits) return candidate;
            k = candidate.FirstWord;
        }
        return null;
    }

    private static List<Candidate> ReadAssociates(EventWord[] words, List<Candidate> candidates, int i, int end, Role? actor, Role? target)
    {
        var result = new List<Candidate>();
        for (var k = Math.Max(0, i - BeforeWindow); k < Math.Min(words.Length, end + AfterWindow); k++)
        {
            if (!words[k].Associate || k >= i && k < end) continue;
            for (var j = k + 1; j < Math.Min(words.Length, k + 3); j++)
            {
                if (words[j].Participant < 0) continue;
                var candidate = candidates[words[j].Participant];
                if (candidate.CanAct && candidate != actor?.Candidate && candidate != target?.Candidate && !result.Contains(candidate))
                    result.Add(candidate);
                break;
            }
        }
        return result;
    }

    /// <summary>
    /// قال حلف شمال الأطلسي إنه قتل …: a "that he/it/they" at most four words before the trigger makes the one who
    /// reported it — the nearest participant that can act, within ten words before — the actor.
    /// </summary>
    private static Candidate? Reporter(EventWord[] words, List<Candidate> candidates, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 4); k--)
        {
            if (words[k].HardStop || words[k].Sentence != words[i].Sentence) return null;
            if (!words[k].Resumptive) continue;
            for (var j = k - 1; j >= Math.Max(0, k - 10) && words[j].Sentence == words[i].Sentence; j--)
            {
                if (words[j].Participant >= 0 && candidates[words[j].Participant] is { CanAct: true } reporter) return reporter;
            }
            return null;
        }
        return null;
    }

    /// <summary>
    /// The actor a clause leaves unnamed (بدء قصفها): among those who can act, mentioned in the preceding
    /// <see cref="InferenceWindow"/> words, the one the article mentions most (ties: the nearest).
    /// </summary>
    private static Role? InferActor(EventWord[] words, List<Candidate> candidates, int i, Role? target, List<Candidate> associates)
    {
        Candidate? best = null;
        for (var k = i - 1; k >= Math.Max(0, i - InferenceWindow); k--)
        {
            if (words[k].Participant < 0) continue;
            var candidate = candidates[words[k].Participant];
            k = candidate.FirstWord;
            if (!candidate.CanAct || candidate.Demonym || associates.Contains(candidate)) continue;
            if (target is not null && (candidate == target.Candidate || candidate.EntityId is not null && candidate.EntityId == target.Candidate.EntityId)) continue;
            if (best is null || candidate.Mentions > best.Mentions) best = candidate;
        }
        return best is null ? null : new Role(best, true);
    }

    private static EventPlace? ReadPlace(EventWord[] words, List<Candidate> candidates, int i, int end, int sentenceFirst, int sentenceEnd, Role? target, Candidate? pronoun)
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
    private static (EventModality Modality, bool Past) ReadModality(EventWord[] words, int i, int end, EventModality modality)
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

    private static EventDate? ReadDate(Document document, EventWord[] words, int i, int sentenceFirst, int sentenceEnd, bool past)
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

    private static bool TriggerBetween(EventWord[] words, int from, int to)
    {
        foreach (var word in words)
        {
            if (word.Start >= to) break;
            if (word.Start >= from && word.Trigger is not null) return true;
        }
        return false;
    }

    private static (EventFatalities? Fatalities, Candidate? Victims) ReadFatalities(
        Document document, EventWord[] words, List<Candidate> candidates, int i, int end, int sentenceFirst, int sentenceEnd)
    {
        int? killed = null, injured = null;
        var approximate = false;
        Candidate? victims = null;
        int textStart = int.MaxValue, textEnd = -1;
        var from = Math.Max(sentenceFirst, i - 4);
        var to = Math.Min(sentenceEnd, end + 12);
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
            if (victims is null && counted < to && counted != k && words[counted].Fatality is null)
                victims = words[counted].Participant >= 0 ? candidates[words[counted].Participant]
                    : IsBareNoun(document, words, counted) ? Make(document, words, counted, counted + 1, Text(document, words, counted, counted + 1), "NOUN") : null;
        }
        var fatalities = killed is null && injured is null
            ? null
            : new EventFatalities(killed, injured, approximate, document.Body[textStart..textEnd]);
        return (fatalities, victims);
    }

    /// <summary>A number or vague quantity within three words of a casualty word: 17 قتيلا, مقتل 17 شخصا, عشرات القتلى.</summary>
    private static (int Value, bool Approximate, int Word)? CountNear(Document document, EventWord[] words, int k, int from, int to)
    {
        for (var d = 1; d <= 3; d++)
        {
            foreach (var j in (ReadOnlySpan<int>)[k - d, k + d])
            {
                if (j < from || j >= to) continue;
                if (words[j].Quantity > 0) return (words[j].Quantity, true, j);
                var text = document.Body.AsSpan(words[j].Start, words[j].End - words[j].Start);
                if (words[j].Kind == TokenKind.Number && int.TryParse(Digits(text), out var number) && number is > 0 and < 100_000)
                    return (number, false, j);
                if (NumberWordValue(document, words[j]) is > 0 and var value) return (value, false, j);
            }
        }
        return null;
    }

    private static string Digits(ReadOnlySpan<char> text) => ArabicNormalizer.Normalize(text.ToString(), NormalizationOptions.Digits);

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

    /// <summary>One event per sentence and kind when a report names it twice: the more specific trigger wins, the other fills its gaps.</summary>
    private static List<EventMention> Merge(List<Found> found)
    {
        var result = new List<Found>();
        foreach (var item in found)
        {
            var merged = false;
            for (var r = result.Count - 1; r >= 0; r--)
            {
                var other = result[r];
                if (other.Event.SentenceStart != item.Event.SentenceStart) break;
                if (!SameEvent(other.Event, item.Event)) continue;
                var (keep, fill) = item.Weight > other.Weight ? (item, other) : (other, item);
                var target = keep.TargetRank >= fill.TargetRank ? keep : fill;
                var actor = ActorRank(keep.Event.Actor) >= ActorRank(fill.Event.Actor) ? keep.Event.Actor : fill.Event.Actor;
                result[r] = new Found(keep.Event with
                {
                    Actor = actor,
                    Target = target.Event.Target,
                    Place = keep.Event.Place ?? fill.Event.Place,
                    Date = keep.Event.Date?.Basis == EventDate.FromText ? keep.Event.Date : fill.Event.Date?.Basis == EventDate.FromText ? fill.Event.Date : keep.Event.Date,
                    Fatalities = Combine(keep.Event.Fatalities, fill.Event.Fatalities),
                    Confidence = Math.Max(keep.Event.Confidence, fill.Event.Confidence),
                }, keep.Word, keep.Weight, target.TargetRank);
                merged = true;
                break;
            }
            if (!merged) result.Add(item);
        }
        return result.ConvertAll(r => r.Event);
    }

    /// <summary>Two readings of one event's casualties: the larger count of each kind (they usually count the same dead).</summary>
    private static EventFatalities? Combine(EventFatalities? a, EventFatalities? b)
    {
        if (a is null || b is null) return a ?? b;
        var killed = a.Killed is null ? b.Killed : b.Killed is null ? a.Killed : Math.Max(a.Killed.Value, b.Killed.Value);
        var injured = a.Injured is null ? b.Injured : b.Injured is null ? a.Injured : Math.Max(a.Injured.Value, b.Injured.Value);
        var text = a.Text.Length >= b.Text.Length ? a.Text : b.Text;
        return new EventFatalities(killed, injured, a.Approximate || b.Approximate, text);
    }

    /// <summary>A named actor beats a bare noun, which beats one inferred from the context.</summary>
    private static int ActorRank(EventParticipant? actor) => actor switch
    {
        null => 0,
        { Inferred: true } => 1,
        { EntityId: null, Agent: null } => 2,
        _ => 3,
    };

    /// <summary>Two mentions in one sentence are one event when they share category and modality and do not name different places.</summary>
    private static bool SameEvent(EventMention a, EventMention b) =>
        a.Plover is not null && a.Plover == b.Plover && a.Modality == b.Modality
        && (a.Place is null || b.Place is null || a.Place.EntityId == b.Place.EntityId);
}
