namespace Marsad.Analysis.Events;

/// <summary>A participant filling a role, and whether the role was inferred from the context rather than read from the clause.</summary>
internal sealed class Role(Candidate candidate, bool inferred)
{
    public Candidate Candidate { get; } = candidate;

    public bool Inferred { get; } = inferred;
}
