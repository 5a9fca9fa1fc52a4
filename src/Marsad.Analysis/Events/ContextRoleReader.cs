using Marsad.Analysis.Places;
using static Marsad.Analysis.Events.EventWindows;

namespace Marsad.Analysis.Events;

/// <summary>
/// The roles a clause leaves unnamed, read from around it: whom a protest is against, who joined the actor, who reported
/// the event, and the actor inferred from the most salient participant before it.
/// </summary>
internal static class ContextRoleReader
{
    /// <summary>
    /// Whom a protest is against when no preposition says it: the first government, person, organisation or country named
    /// after the trigger in the sentence (هتف المتظاهرون … الحكومة), else the last one before it.
    /// </summary>
    public static Candidate? ProtestTarget(ReadOnlySpan<EventWord> words, List<Candidate> candidates, int i, int end, int sentenceFirst, int sentenceEnd, Candidate? actor)
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

    public static List<Candidate> ReadAssociates(ReadOnlySpan<EventWord> words, List<Candidate> candidates, int i, int end, Role? actor, Role? target)
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
    public static Candidate? Reporter(ReadOnlySpan<EventWord> words, List<Candidate> candidates, int i)
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
    public static Role? InferActor(ReadOnlySpan<EventWord> words, List<Candidate> candidates, int i, Role? target, List<Candidate> associates)
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
}
