namespace Marsad.Analysis.Sentences;

/// <summary>
/// A whitespace-delimited word with the punctuation glued to it. <see cref="Start"/>..<see cref="End"/> covers the
/// punctuation too (so sentence spans keep their quotes and full stops); the core is the word itself.
/// </summary>
internal struct SentenceWord
{
    public int Start;
    public int End;
    public int CoreStart;
    public int CoreEnd;
    public TerminalKind Terminal;
    public bool LineStart;
    public bool LineBreakAfter;
    public int Line;
}
