namespace Marsad.Analysis.Events;

/// <summary>Merges the events of one kind that a sentence reports twice (معارك طاحنة واشتباكات عنيفة) into one.</summary>
internal static class EventMerger
{
    /// <summary>One event per sentence and kind when a report names it twice: the more specific trigger wins, the other fills its gaps.</summary>
    public static List<EventMention> Merge(ReadOnlySpan<EventWord> words, List<FoundEvent> found)
    {
        var result = new List<FoundEvent>();
        foreach (var item in found)
        {
            var merged = false;
            for (var r = result.Count - 1; r >= 0; r--)
            {
                var other = result[r];
                if (other.Event.SentenceStart != item.Event.SentenceStart) break;
                if (!SameEvent(other.Event, item.Event) || ContrastBetween(words, other.Word, item.Word)) continue;
                var (keep, fill) = item.Weight > other.Weight ? (item, other) : (other, item);
                var target = keep.TargetRank >= fill.TargetRank ? keep : fill;
                var actor = ActorRank(keep.Event.Actor) >= ActorRank(fill.Event.Actor) ? keep.Event.Actor : fill.Event.Actor;
                // An actor guessed for one reading is no actor when the other reading shows it underwent the event.
                if (actor is { Inferred: true } && actor.Start == target.Event.Target?.Start) actor = null;
                result[r] = new FoundEvent(keep.Event with
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

    /// <summary>قتل أربعة … فيما قتل جندي في حادث منفصل: a contrastive clause reports another event.</summary>
    private static bool ContrastBetween(ReadOnlySpan<EventWord> words, int a, int b)
    {
        for (var k = Math.Min(a, b) + 1; k < Math.Max(a, b); k++)
        {
            if (words[k].Contrast) return true;
        }
        return false;
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
