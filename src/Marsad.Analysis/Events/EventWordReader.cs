using Marsad.Text;

namespace Marsad.Analysis.Events;

/// <summary>
/// Reads a document's words for the event coder: analyses each sentence with the shared
/// <see cref="ArabicAnalyzerChain"/>, looks every content word up in the <see cref="EventLexicon"/>, and marks at each
/// word the longest lexicon entry of each kind that starts there.
/// </summary>
internal sealed class EventWordReader(EventLexicon lexicon)
{
    /// <summary>
    /// The words a document's events are read from. Kept per thread and reused from one document to the next: at some
    /// 160 bytes a word, a fresh array per article was nearly all the event coder allocated.
    /// </summary>
    [ThreadStatic]
    private static EventWord[]? t_words;

    /// <summary>The document's words, each annotated with the lexicon entries that start there; valid until this thread reads the next document.</summary>
    public Span<EventWord> Read(Document document)
    {
        var words = ReadWords(document);
        Annotate(words);
        return words;
    }

    private Span<EventWord> ReadWords(Document document)
    {
        var body = document.Body;
        var chain = ArabicAnalyzerChain.ForCurrentThread;
        var words = t_words ??= new EventWord[Math.Max(256, document.TokenCount + 16)];
        var count = 0;
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            var sentence = document.Sentences[s];
            foreach (var token in chain.Analyze(body.AsSpan(sentence.Start, sentence.End - sentence.Start)))
            {
                var start = sentence.Start + token.Token.Start;
                var isContent = token.Token.IsContent;
                var (id, baseId) = isContent ? WordIds(token.Normalized, token.Clitics.Proclitics, token.Base) : (-1, -1);
                if (count == words.Length)
                {
                    Array.Resize(ref words, words.Length * 2);
                    t_words = words;
                }
                // A whole new value: nothing annotated on the previous document's word survives.
                words[count++] = new EventWord
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
                };
            }
        }
        return words.AsSpan(0, count);
    }

    /// <summary>
    /// The lexicon ids of a word: first as written (whole, then without a leading و/ف, then as ال + base when it has
    /// the article: وبالمجلس → المجلس), and second by its base (مجلس), which finds entries listed without the article.
    /// When neither is known, the base without the accusative ending ا (مسلحا) or the dual ending ان/ين (جنديان) is
    /// tried, since the lexicon need not list every inflection.
    /// </summary>
    private (int Id, int BaseId) WordIds(ReadOnlySpan<char> normalized, Proclitics proclitics, ReadOnlySpan<char> word)
    {
        var id = lexicon.Id(normalized);
        if (id < 0 && (proclitics & (Proclitics.Wa | Proclitics.Fa)) != 0 && normalized.Length > 3) id = lexicon.Id(normalized[1..]);
        if (id < 0 && proclitics.HasFlag(Proclitics.Al) && word.Length + 2 <= 64)
        {
            Span<char> definite = stackalloc char[word.Length + 2];
            definite[0] = 'ا';
            definite[1] = 'ل';
            word.CopyTo(definite[2..]);
            id = lexicon.Id(definite);
        }
        var baseId = lexicon.Id(word);
        if (id < 0 && baseId < 0 && word.Length > 3)
        {
            if (word[^1] == 'ا') baseId = lexicon.Id(word[..^1]);
            else if (word.Length > 4 && word[^1] == 'ن' && word[^2] is 'ا' or 'ي') baseId = lexicon.Id(word[..^2]);
        }
        if (id < 0) return (baseId, -1);
        return (id, baseId == id ? -1 : baseId);
    }

    /// <summary>Marks, at each word, the longest lexicon form of each kind that starts there.</summary>
    private void Annotate(Span<EventWord> words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            AnnotateFrom(words, i, lexicon.EntriesStartingWith(words[i].Id));
            if (words[i].BaseId >= 0) AnnotateFrom(words, i, lexicon.EntriesStartingWith(words[i].BaseId));
        }
    }

    private static void AnnotateFrom(Span<EventWord> words, int i, ReadOnlySpan<LexiconEntry> entries)
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
                case LexiconEntryKind.Contrast:
                    w.Contrast = true;
                    break;
                case LexiconEntryKind.Subset:
                    w.Subset = true;
                    break;
                case LexiconEntryKind.ByAgent:
                    w.ByAgent = true;
                    break;
                case LexiconEntryKind.Aim:
                    w.Aim = true;
                    break;
            }
        }
    }

    private static bool Matches(ReadOnlySpan<EventWord> words, int at, int[] ids)
    {
        if (at + ids.Length > words.Length) return false;
        for (var k = 1; k < ids.Length; k++)
        {
            var w = words[at + k];
            if (w.Id != ids[k] && w.BaseId != ids[k] || w.Sentence != words[at].Sentence) return false;
        }
        return true;
    }
}
