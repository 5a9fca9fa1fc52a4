using Marsad.Analysis.Dates;
using Marsad.Analysis.Events;
using Marsad.Analysis.Linking;
using Marsad.Analysis.Keywords;
using Marsad.Analysis.Sentences;
using Marsad.Analysis.Summaries;
using Marsad.Analysis.Topics;

namespace Marsad.Analysis;

/// <summary>
/// An article and everything the pipeline has found in it. Offsets (sentences, tokens, and later entities
/// and events) are char offsets into <see cref="Body"/>, the article text exactly as read.
/// </summary>
public sealed class Document(Article article)
{
    public Article Article { get; } = article;

    public string Body => Article.Body;

    /// <summary>Whether per-token details are kept (they are only needed for <c>analyze --tokens</c>).</summary>
    public bool KeepTokens { get; init; }

    public List<SentenceSpan> Sentences { get; } = [];

    public int TokenCount { get; set; }

    public List<TokenDetail> Tokens { get; } = [];

    public List<EntityMention> Entities { get; } = [];

    /// <summary>The entities the mentions refer to, places with their gazetteer entry.</summary>
    public List<LinkedEntity> LinkedEntities { get; } = [];

    public TopicPrediction? Topic { get; set; }

    public List<DateMention> Dates { get; } = [];

    public List<Keyword> Keywords { get; } = [];

    public Summary? Summary { get; set; }

    public List<EventMention> Events { get; } = [];
}
