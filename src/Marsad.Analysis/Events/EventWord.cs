using Marsad.Text;

namespace Marsad.Analysis.Events;

/// <summary>
/// One token of the body as the event coder sees it: where it is, its stem id in the <see cref="EventLexicon"/>
/// (-1 when the lexicon does not know it), its clitics, and what the lexicon says about the words starting here.
/// </summary>
internal struct EventWord
{
    public int Start;
    public int End;
    public int Sentence;
    public int Id;

    /// <summary>The id of the word's base when it differs from <see cref="Id"/> (وبالمجلس: المجلس and مجلس), else -1.</summary>
    public int BaseId;
    public TokenKind Kind;
    public Proclitics Proclitics;
    public Enclitic Enclitic;
    public bool StopWord;

    /// <summary>Sentence-final punctuation: modality and actor windows do not reach across it.</summary>
    public bool HardStop;

    public LexiconEntry? Trigger;
    public int TriggerLength;

    /// <summary>Inside a multi-word trigger (ناسفة in عبوة ناسفة): never a role filler.</summary>
    public bool InTrigger;
    /// <summary>A modality cue that acts on a trigger after it (before/near cues).</summary>
    public LexiconEntry? Cue;
    public int CueLength;

    /// <summary>A modality cue that acts on a trigger before it (العملية المرتقبة).</summary>
    public LexiconEntry? AfterCue;
    public LexiconEntry? PastCue;
    public LexiconEntry? Agent;
    public int AgentLength;
    public LexiconEntry? Group;
    public int GroupLength;
    public LexiconEntry? Anaphor;
    public string? Preposition;
    public string? Fatality;
    public string? Context;
    public int Quantity;

    /// <summary>The value of a number word beyond ten (أربعون), 0 otherwise.</summary>
    public int Number;
    public bool Veto;
    public bool Associate;
    public bool LightVerb;
    public bool Demonstrative;
    public bool Undergo;
    public bool NonFiller;
    public bool Resumptive;
    public bool Relative;

    /// <summary>Index of the participant covering this word, or -1.</summary>
    public int Participant;
}
