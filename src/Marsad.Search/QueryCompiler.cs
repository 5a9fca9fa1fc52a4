using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Marsad.Search;

/// <summary>
/// Turns a parsed <see cref="UserQuery"/> into Lucene query objects directly (never through query syntax), running
/// every word through the index's analyzer. A word matches the title (boosted) or the body.
/// </summary>
public sealed class QueryCompiler(Analyzer analyzer, IReadOnlyList<(string Field, float Boost)>? fields = null)
{
    public const float TitleBoost = 2f;

    private readonly IReadOnlyList<(string Field, float Boost)> _fields =
        fields ?? [(SearchIndex.TitleField, TitleBoost), (SearchIndex.BodyField, 1f)];

    /// <summary>The Lucene query, and the analysed terms it looks for (for highlighting); null when nothing is searchable.</summary>
    public BuiltQuery? Build(UserQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var root = new BooleanQuery();
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var positive = false;
        foreach (var clause in query.Clauses)
        {
            var analysed = Analyze(string.Join(' ', clause.Words));
            if (analysed.Count == 0) continue;
            var fieldQueries = new BooleanQuery();
            foreach (var (field, boost) in _fields)
            {
                var single = FieldQuery(field, analysed, clause.IsPrefix && analysed.Count == 1);
                single.Boost = boost;
                fieldQueries.Add(single, Occur.SHOULD);
            }
            var occur = clause.Occur switch
            {
                QueryOccur.Must => Occur.MUST,
                QueryOccur.MustNot => Occur.MUST_NOT,
                _ => Occur.SHOULD,
            };
            root.Add(_fields.Count == 1 ? fieldQueries.Clauses[0].Query : fieldQueries, occur);
            if (clause.Occur == QueryOccur.MustNot) continue;
            positive = true;
            foreach (var (term, _) in analysed) terms.Add(term);
        }
        return positive ? new BuiltQuery(root, terms) : null;
    }

    /// <summary>The terms (with their positions) the analyzer makes of a piece of query text.</summary>
    public List<(string Term, int Position)> Analyze(string text)
    {
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(_fields[^1].Field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }
        stream.End();
        return terms;
    }

    private static Query FieldQuery(string field, List<(string Term, int Position)> analysed, bool prefix)
    {
        if (prefix) return new PrefixQuery(new Term(field, analysed[0].Term));
        if (analysed.Count == 1) return new TermQuery(new Term(field, analysed[0].Term));
        var phrase = new PhraseQuery();
        foreach (var (term, position) in analysed) phrase.Add(new Term(field, term), position);
        return phrase;
    }
}

public sealed record BuiltQuery(Query Query, IReadOnlySet<string> Terms);
