using Marsad.Analysis.Places;

namespace Marsad.Analysis.Events;

/// <summary>
/// A phrase that can fill an event role, found before any event is read: a linked entity mention, an armed group
/// from the lexicon, a role noun with what follows it (قوات حفتر, مقاتلي تنظيم الدولة, قوات مصرية), or a definite
/// noun pointing back to an earlier entity (المدينة → درنة). Word indexes are half-open.
/// </summary>
internal sealed class Candidate
{
    public int FirstWord;
    public int EndWord;
    public int Start;
    public int End;
    public required string Text;
    public required string Name;

    /// <summary>PERS, ORG, LOC, MISC (from NER), GROUP (lexicon) or ROLE (a role noun alone).</summary>
    public required string Type;
    public string? EntityId;
    public string? Country;
    public string? Agent;
    public Place? Place;

    /// <summary>How often the linked entity is mentioned in the article: salience when an actor must be inferred.</summary>
    public int Mentions;

    /// <summary>A country named by its adjective (غارات مصرية): an actor, not where the event happened.</summary>
    public bool Demonym;

    public bool IsPlace => Place is not null && !Demonym;

    /// <summary>Can act: people, organisations, groups, armed or official role nouns, states named as actors.</summary>
    public bool CanAct => Type is "PERS" or "ORG" or "GROUP" || Demonym || Agent is "MIL" or "COP" or "REB" or "UAF" or "GOV" or "ELI";
}
