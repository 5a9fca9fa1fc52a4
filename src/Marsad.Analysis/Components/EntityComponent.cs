using Marsad.Analysis.Entities;
using Marsad.Analysis.Places;
using Marsad.Text;

namespace Marsad.Analysis.Components;

/// <summary>
/// Tags people, places, organisations and other names with the shipped NER model, sentence by sentence with the
/// whole article as context, then lets the team's <see cref="KnownEntities"/> lexicon override the model where
/// it knows a name (a known name replaces the model's spans it covers, and carries its canonical name), and maps
/// the tagged tokens back to char offsets in the body. Runs after <see cref="SentenceComponent"/>.
/// </summary>
public sealed class EntityComponent(Gazetteer? places = null, KnownEntities? known = null) : IPipelineComponent
{
    [ThreadStatic]
    private static NerTagger? t_tagger;

    private readonly Gazetteer _places = places ?? Gazetteer.BuiltIn;
    private readonly KnownEntities _known = known ?? KnownEntities.Default;

    public string Name => "entities";

    public void Process(Document document)
    {
        var body = document.Body;
        var sentences = new List<IReadOnlyList<string>>(document.Sentences.Count);
        var offsets = new List<List<Token>>(document.Sentences.Count);
        var tokens = new List<Token>();
        foreach (var sentence in document.Sentences)
        {
            tokens.Clear();
            Tokenizer.Tokenize(body.AsSpan(sentence.Start, sentence.End - sentence.Start), tokens);
            var words = new List<string>(tokens.Count);
            var spans = new List<Token>(tokens.Count);
            foreach (var token in tokens)
            {
                var absolute = token with { Start = token.Start + sentence.Start };
                words.Add(body.Substring(absolute.Start, absolute.Length));
                spans.Add(absolute);
            }
            sentences.Add(words);
            offsets.Add(spans);
        }
        var tagger = t_tagger ??= new NerTagger();
        var tags = tagger.TagDocument(sentences);
        for (var s = 0; s < tags.Length; s++)
        {
            var spans = Merge(BioDecoder.Spans(tags[s]), _known.Match(sentences[s], IsPlace));
            foreach (var (type, start, end, canonical) in spans)
            {
                var from = offsets[s][start].Start;
                var to = offsets[s][end - 1].End;
                if (canonical is null && IsLowercaseLatin(body.AsSpan(from, to - from))) continue;
                document.Entities.Add(new EntityMention(type, from, to, body[from..to]) { Canonical = canonical });
            }
        }
    }

    private bool IsPlace(string text) => _places.Find(text).Count > 0;

    /// <summary>
    /// Latin-script text without a capital letter. Names that Arabic news writes in Latin letters are capitalised
    /// (CNN, Google, iPhone); lowercase Latin there is code, markup or a URL, which the model, trained on Arabic
    /// only, can tag as an organisation.
    /// </summary>
    internal static bool IsLowercaseLatin(ReadOnlySpan<char> text)
    {
        var latin = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterUpper(c) || (c >= '\u0600' && c <= '\u06FF')) return false;
            latin |= char.IsAsciiLetterLower(c);
        }
        return latin;
    }

    /// <summary>
    /// The model's spans (conlleval reading of its BIO tags) with the lexicon's matches laid over them: a match
    /// replaces the spans that lie inside it; a match that a model span only partly covers, or that lies inside a
    /// longer model span, is dropped (the model saw a longer name there).
    /// </summary>
    internal static List<(string Type, int Start, int End, string? Canonical)> Merge(
        List<(string Type, int Start, int End)> model, List<KnownEntityMatch> matches)
    {
        var result = model.Select(m => (m.Type, m.Start, m.End, Canonical: (string?)null)).ToList();
        foreach (var match in matches)
        {
            var overlapping = result.FindAll(m => m.Start < match.End && match.Start < m.End);
            if (overlapping.Exists(m => m.Start < match.Start || m.End > match.End)) continue;
            result.RemoveAll(m => m.Start < match.End && match.Start < m.End);
            result.Add((match.Entity.Type, match.Start, match.End, match.Entity.Canonical));
        }
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }
}
