namespace Marsad.Analysis.Events;

/// <summary>
/// Scores of the event coder on one gold file. <see cref="CategoryRecall"/>: share of gold sentences for which Marsad
/// reports an event of the gold PLOVER category. <see cref="ActorAgreement"/>: over the gold sources and targets that are
/// named, in sentences where the category was found, the share Marsad's actor (or target) shares a content word with;
/// <see cref="ActorAgreementAll"/> counts every named gold source and target, found or not.
/// </summary>
public sealed record EventGoldScore(
    string Category,
    int Sentences,
    int Recalled,
    int ActorSlots,
    int ActorAgreed,
    int AllActorSlots)
{
    public double CategoryRecall => Sentences == 0 ? 0 : (double)Recalled / Sentences;

    public double ActorAgreement => ActorSlots == 0 ? 0 : (double)ActorAgreed / ActorSlots;

    public double ActorAgreementAll => AllActorSlots == 0 ? 0 : (double)ActorAgreed / AllActorSlots;
}

/// <summary>False positives on text that should carry almost no violence or protest: sentences of sport, technology and culture articles.</summary>
public sealed record EventFalsePositiveScore(int Articles, int Sentences, int Flagged)
{
    public double Rate => Sentences == 0 ? 0 : (double)Flagged / Sentences;
}
