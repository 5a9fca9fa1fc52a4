using Marsad.Analysis.Entities;
using Marsad.Text;

namespace Marsad.Analysis.Components;

/// <summary>
/// Tags people, places, organisations and other names with the shipped NER model, sentence by sentence with the
/// whole article as context, and maps the tagged tokens back to char offsets in the body.
/// Runs after <see cref="SentenceComponent"/>.
/// </summary>
public sealed class EntityComponent : IPipelineComponent
{
    [ThreadStatic]
    private static NerTagger? t_tagger;

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
        for (var s = 0; s < tags.Length; s++) AddMentions(document, body, tags[s], offsets[s]);
    }

    /// <summary>BIO decoding under conlleval rules: an I- tag of another type than the open span starts a new one.</summary>
    private static void AddMentions(Document document, string body, string[] tags, List<Token> tokens)
    {
        string? type = null;
        var start = 0;
        var end = 0;
        void Close()
        {
            if (type is not null) document.Entities.Add(new EntityMention(type, start, end, body[start..end]));
            type = null;
        }
        for (var i = 0; i < tags.Length; i++)
        {
            var tag = tags[i];
            if (tag == "O")
            {
                Close();
                continue;
            }
            var tagType = tag[2..];
            if (tag[0] == 'B' || type != tagType)
            {
                Close();
                type = tagType;
                start = tokens[i].Start;
            }
            end = tokens[i].End;
        }
        Close();
    }
}
