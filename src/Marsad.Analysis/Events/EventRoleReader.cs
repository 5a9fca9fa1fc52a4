using Marsad.Analysis.Places;
using Marsad.Text;
using static Marsad.Analysis.Events.EventWindows;
using static Marsad.Analysis.Events.EventWords;

namespace Marsad.Analysis.Events;

/// <summary>
/// Reads the actor and target of a trigger from its own clause by Arabic word order: VSO/SVO verbs, passives and verbs
/// of undergoing, genitives after nouns, light verbs, by-phrases (على يد) and على/ضد for targets.
/// </summary>
internal sealed class EventRoleReader(Gazetteer gazetteer)
{
    private const int AimWindow = 14;

    public Roles Read(Document document, ReadOnlySpan<EventWord> words, List<Candidate> candidates, int i, int end, LexiconEntry entry, TriggerDefinition definition)
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
        else if (definition.Type is "killing" or "injury" or "assassination" && !NounClitic(words[i])
            && VictimBefore(document, words, candidates, i, TakesNoObject(words, end)) is { } victim)
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
                else if (!pluralVerb && !SubjectGivenBefore(words, i) && after is not null && (after.CanAct || after.Agent is not null || after.Type == "NOUN"))
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
            // قتل جنديان / قتل مسلحون خمسة جنود: قتل is passive unless armed men follow and then whom they killed; the
            // same holds for خطف (خطف ثلاثة جنود / خطف مسلحون مطران الكلدان).
            if (definition.Type is "killing" or "abduction" or "abduction_ambiguous" && !words[i].Proclitics.HasFlag(Proclitics.Al)
                && Filler(document, words, candidates, end, 1) is { } next)
            {
                // The killed must be named (a participant) or a bare word in the accusative (خطف مسلحون مهندسا), not
                // one that may be the armed men's adjective, nor a name in brackets, which spells out the one before
                // (جندي من حلف شمال الأطلسي (ناتو)).
                var then = Filler(document, words, candidates, next.EndWord, 1) is { } named
                    && (named.Type != "NOUN" || Accusative(document, words[named.FirstWord]))
                    && !InBrackets(document, words, named.FirstWord) ? named : null;
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
            if (roles.Actor is null && LightVerbSubject(document, words, candidates, i) is { } subject) roles.Actor = new Role(subject, false);
            if (roles.Actor is null && LightVerbAfter(document, words, candidates, end) is { } doer) roles.Actor = new Role(doer, false);
        }
        // عملية انتحارية استهدفت قافلة / مستهدفة مقاتلي الشباب: what the attack aimed at is its target, whoever it killed
        // (the killed and wounded remain the targets of the casualty words themselves).
        if (definition.Plover == "ASSAULT" && definition.Type is not ("killing" or "injury")
            && AimedAt(document, words, candidates, i, end) is { } aimed && aimed != roles.Actor?.Candidate
            && (aimed.Type != "NOUN" || roles.Target is null))
        {
            roles.Target = new Role(aimed, false);
            roles.Aimed = true;
        }
        // اختطفا من منزليهما على يد مسلحين / هجوم نسب إلى المتمردين: a by-phrase names the doer, passive clause or not.
        if (ByAgent(words, candidates, end) is { } byAgent && byAgent != roles.Target?.Candidate)
        {
            roles.Actor = new Role(byAgent, false);
            roles.Passive = false;
        }
        if (roles.Target is null && AfterPreposition(document, words, candidates, end, "target") is { } opposed && opposed != roles.Actor?.Candidate)
            roles.Target = new Role(opposed, false);
        return roles;
    }

    /// <summary>
    /// Who was killed, written before a passive verb: a civilian, a person or a bare noun at most four words back, past
    /// a number and words like على الأقل (28 شخصا على الأقل قتلوا). Armed agents before the verb are its subject instead,
    /// unless the verb has no object (<paramref name="passive"/>: رجال الشرطة قتلوا في التفجير).
    /// </summary>
    private static Candidate? VictimBefore(Document document, ReadOnlySpan<EventWord> words, List<Candidate> candidates, int i, bool passive)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 4); k--)
        {
            if (words[k].HardStop || words[k].Sentence != words[i].Sentence || words[k].Trigger is not null) return null;
            Candidate? victim = null;
            if (words[k].Participant >= 0)
            {
                var candidate = candidates[words[k].Participant];
                victim = candidate.Agent is "CVL" or null && candidate.Type is not "GROUP" and not "LOC" || candidate.Type is "PERS"
                    || passive && !candidate.IsPlace ? candidate : null;
                k = candidate.FirstWord;
            }
            else if (words[k].Kind == TokenKind.Number || words[k].StopWord || words[k].Quantity > 0 || IsNumberWord(document, words[k])) continue;
            else if (IsBareNoun(document, words, k))
            {
                // The noun a number counts, or a noun right before the verb.
                var counted = k > 0 && (words[k - 1].Kind == TokenKind.Number || IsNumberWord(document, words[k - 1]));
                victim = counted || k == i - 1 ? Make(document, words, k, k + 1, TextOf(document, words, k, k + 1), "NOUN") : null;
            }
            else continue;
            // ثمانية أشخاص، بينهم طفلان، قتلوا: the victims are the whole the part is taken from.
            return victim is not null && SubsetBefore(document, words, k) is { } subset
                ? VictimBefore(document, words, candidates, subset, passive) ?? victim
                : victim;
        }
        return null;
    }

    /// <summary>The بينهم/منهم just before word <paramref name="first"/> (numbers and commas between), or null.</summary>
    private static int? SubsetBefore(Document document, ReadOnlySpan<EventWord> words, int first)
    {
        for (var k = first - 1; k >= Math.Max(0, first - 3); k--)
        {
            if (words[k].Subset) return k;
            if (words[k].Kind is not (TokenKind.Number or TokenKind.Punctuation) && !IsNumberWord(document, words[k])) return null;
        }
        return null;
    }

    /// <summary>An indefinite accusative (مهندسا, رهينةً): the ending of an object, never of a subject's adjective.</summary>
    private static bool Accusative(Document document, EventWord word) =>
        !word.Proclitics.HasFlag(Proclitics.Al) && word.End - word.Start > 3 && document.Body[word.End - 1] is 'ا' or '\u064B';

    private static bool InBrackets(Document document, ReadOnlySpan<EventWord> words, int first) =>
        first > 0 && words[first - 1].Kind == TokenKind.Punctuation && document.Body[words[first - 1].Start] == '(';

    /// <summary>بقتل, للاغتيال: the article or a preposition makes the word a noun, never a passive verb.</summary>
    private static bool NounClitic(EventWord word) => (word.Proclitics & (Proclitics.Al | Proclitics.Bi | Proclitics.Li | Proclitics.Ka)) != 0;

    /// <summary>
    /// Whether a killing verb stands without an object: the clause ends, a preposition follows (قتلوا في الهجوم) or
    /// another casualty verb joined by و (قتل وجرح). Such a قتل is read قُتل, a passive, whatever stands before it.
    /// </summary>
    private static bool TakesNoObject(ReadOnlySpan<EventWord> words, int end)
    {
        if (end >= words.Length || words[end].Sentence != words[end - 1].Sentence) return true;
        var next = words[end];
        return next.HardStop || next.Kind == TokenKind.Punctuation || next.Preposition is not null
            || (next.Proclitics & (Proclitics.Wa | Proclitics.Fa)) != 0 && (next.Trigger is not null || next.Fatality is not null);
    }

    /// <summary>The subject of a "be subjected to" verb within eight words before the trigger, after or just before that verb.</summary>
    private static Candidate? Undergoer(ReadOnlySpan<EventWord> words, List<Candidate> candidates, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 8); k--)
        {
            if (words[k].HardStop || words[k].Sentence != words[i].Sentence) return null;
            if (!words[k].Undergo) continue;
            // تعرضت وزيرة الطاقة السودانية لمحاولة اغتيال: a nationality adjective qualifies the subject, it is not the subject.
            for (var j = k + 1; j < i; j++)
            {
                if (words[j].Participant >= 0 && candidates[words[j].Participant] is { Demonym: false } subject) return subject;
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

    /// <summary>The participant just before a verb (SVO: الانتحاريين فجرا), at most one word away.</summary>
    private static Candidate? AdjacentBefore(ReadOnlySpan<EventWord> words, List<Candidate> candidates, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 2); k--)
        {
            if (words[k].HardStop) return null;
            if (words[k].Participant >= 0) return candidates[words[k].Participant].EndWord >= i - 1 ? candidates[words[k].Participant] : null;
        }
        return null;
    }

    /// <summary>The first participant after <paramref name="from"/> not introduced by a preposition (a subject or object), within <paramref name="window"/> words.</summary>
    private static Candidate? FollowingBare(ReadOnlySpan<EventWord> words, List<Candidate> candidates, int from, int window)
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
    private static Candidate? AfterPreposition(Document document, ReadOnlySpan<EventWord> words, List<Candidate> candidates, int from, string role)
    {
        for (var k = from; k < Math.Min(words.Length, from + ClauseWindow); k++)
        {
            if (words[k].HardStop || k > from && words[k].Trigger is not null) return null;
            // على يد مسلحين names the doer, not the target.
            if (words[k].Preposition != role || words[k].ByAgent) continue;
            for (var j = k + 1; j < Math.Min(words.Length, k + 3); j++)
            {
                if (words[j].Participant >= 0) return candidates[words[j].Participant];
            }
            // ضد مدرسة للبنات: a plain noun after the preposition is the target too.
            return k + 1 < words.Length ? Filler(document, words, candidates, k + 1, 0) : null;
        }
        return null;
    }

    /// <summary>
    /// What a verb of aiming says the event aimed at: the object of the trigger itself when it is one (استهدفت قافلة), or
    /// of one later in the clause (ضربات جوية داخل الصومال، مستهدفة مقاتلي الشباب).
    /// </summary>
    private static Candidate? AimedAt(Document document, ReadOnlySpan<EventWord> words, List<Candidate> candidates, int i, int end)
    {
        var aim = words[i].Aim ? end - 1 : -1;
        for (var k = end; aim < 0 && k < Math.Min(words.Length, end + AimWindow); k++)
        {
            if (words[k].HardStop || words[k].Contrast || words[k].Sentence != words[i].Sentence) return null;
            if (words[k].Aim) aim = k;
        }
        if (aim < 0 || aim + 1 >= words.Length) return null;
        return FollowingBare(words, candidates, aim + 1, 3) ?? Filler(document, words, candidates, aim + 1, 1);
    }

    /// <summary>
    /// Whether a verb's subject stands right before it, so that what follows is its object: a resumptive pronoun (أنها
    /// استهدفت عناصر طالبان) or a noun trigger the verb describes (شاحنات ملغومة استهدفت الأقلية).
    /// </summary>
    private static bool SubjectGivenBefore(ReadOnlySpan<EventWord> words, int i) =>
        i > 0 && words[i - 1].Sentence == words[i].Sentence
        && (words[i - 1].Resumptive || words[i - 1].Trigger is not null || words[i - 1].InTrigger);

    /// <summary>The participant that can act right after a by-phrase in the clause after the trigger (على يد مسلحين).</summary>
    private static Candidate? ByAgent(ReadOnlySpan<EventWord> words, List<Candidate> candidates, int from)
    {
        for (var k = from; k < Math.Min(words.Length, from + ClauseWindow); k++)
        {
            if (words[k].HardStop || words[k].Trigger is not null && words[k].Participant < 0) return null;
            if (!words[k].ByAgent) continue;
            for (var j = k + 1; j < Math.Min(words.Length, k + 4); j++)
            {
                if (words[j].Participant >= 0) return candidates[words[j].Participant] is { CanAct: true } doer ? doer : null;
            }
            return null;
        }
        return null;
    }

    /// <summary>A nationality adjective at word <paramref name="k"/> (nisba ending), as a country actor.</summary>
    private Candidate? DemonymAt(Document document, ReadOnlySpan<EventWord> words, int k)
    {
        var text = document.Body.AsSpan(words[k].Start, words[k].End - words[k].Start);
        if (words[k].Kind != TokenKind.ArabicWord || text.Length < 4 || !(text.EndsWith("ي") || text.EndsWith("ية") || text.EndsWith("يين")
            || text.EndsWith("يون") || text.EndsWith("يان"))) return null;
        Span<char> key = stackalloc char[64];
        if (gazetteer.DemonymCountryOfKey(PlaceKey(text, key)) is not { } iso || gazetteer.Country(iso) is not { } country) return null;
        var candidate = Make(document, words, k, k + 1, text.ToString(), "MISC");
        candidate.Name = country.Name;
        candidate.Country = iso;
        candidate.Place = country;
        candidate.Demonym = true;
        return candidate;
    }

    /// <summary>هجوم مسلح نفذه متطرف / عمليات نفذها قراصنة: a light verb after the trigger, pointing back to it, then its doer.</summary>
    private static Candidate? LightVerbAfter(Document document, ReadOnlySpan<EventWord> words, List<Candidate> candidates, int end)
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

    /// <summary>
    /// The subject of a light verb before a noun trigger: after the verb (شنت طائرات إسرائيلية غارات), as a participant
    /// or else a nationality adjective (أطلقت دبابة إسرائيلية قذيفة), or before it (قوة من الشرطة قامت بمداهمة).
    /// </summary>
    private Candidate? LightVerbSubject(Document document, ReadOnlySpan<EventWord> words, List<Candidate> candidates, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 7); k--)
        {
            if (words[k].HardStop) return null;
            if (!words[k].LightVerb) continue;
            for (var j = k + 1; j < i; j++)
            {
                if (words[j].Participant >= 0 && candidates[words[j].Participant] is { CanAct: true } subject) return subject;
            }
            for (var j = k + 1; j < i; j++)
            {
                if (words[j].Participant < 0 && DemonymAt(document, words, j) is { } nationality) return nationality;
            }
            return k == i - 1 && AdjacentBefore(words, candidates, k) is { CanAct: true } before ? before : null;
        }
        return null;
    }

    private static Candidate? ResolvePronoun(ReadOnlySpan<EventWord> words, List<Candidate> candidates, int i, Enclitic pronoun)
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
}
