namespace Marsad.Analysis.Events;

/// <summary>What a trigger's sentence shows beyond the trigger: it decides whether an ambiguous trigger counts and how sure it is.</summary>
internal readonly record struct SentenceContext(bool Armed, bool Protest, bool OffTopic, bool Accident)
{
    /// <summary>What the rest of the sentence (the trigger's own words left out) shows: armed violence, a protest, sport/technology/culture.</summary>
    public static SentenceContext Read(ReadOnlySpan<EventWord> words, List<Candidate> candidates, int first, int end, int triggerFirst, int triggerEnd)
    {
        bool armed = false, protest = false, offTopic = false, accident = false;
        for (var k = first; k < end; k++)
        {
            var w = words[k];
            // كابل (Kabul) read as ك + آبل (Apple): a place name is never sport or technology.
            if (w.Context == "offtopic" && (w.Participant < 0 || !candidates[w.Participant].IsPlace)) offTopic = true;
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
}
