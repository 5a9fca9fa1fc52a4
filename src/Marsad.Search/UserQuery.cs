using System.Text;

namespace Marsad.Search;

/// <summary>
/// Marsad's small query language, parsed by hand so that user text is never handed to Lucene's
/// QueryParser (no syntax to inject, nothing to crash it):
/// <list type="bullet">
/// <item>words are OR'ed and ranked by BM25 (documents with more of them rank higher);</item>
/// <item><c>+word</c> or <c>AND</c> between words makes words required; <c>-word</c> excludes;</item>
/// <item><c>"two words"</c> is a phrase; <c>word*</c> a prefix.</item>
/// </list>
/// Everything else (brackets, colons, tildes, backslashes …) is treated as a separator.
/// </summary>
public sealed class UserQuery
{
    public const int MaxLength = 1000;
    public const int MaxClauses = 64;

    private UserQuery(IReadOnlyList<QueryClause> clauses) => Clauses = clauses;

    public IReadOnlyList<QueryClause> Clauses { get; }

    public bool IsEmpty => Clauses.Count == 0;

    /// <exception cref="QuerySyntaxException">The query is too long or has too many clauses.</exception>
    public static UserQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
            throw new QuerySyntaxException($"query is {text.Length} characters long; the limit is {MaxLength}");
        var clauses = new List<QueryClause>();
        var pendingAnd = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsSeparator(c)) { i++; continue; }
            var occur = QueryOccur.Should;
            if ((c == '-' || c == '+') && i + 1 < text.Length && !IsSeparator(text[i + 1]))
            {
                occur = c == '-' ? QueryOccur.MustNot : QueryOccur.Must;
                i++;
                c = text[i];
            }
            if (c == '"')
            {
                var close = text.IndexOf('"', i + 1);
                var inner = close < 0 ? text[(i + 1)..] : text[(i + 1)..close];
                i = close < 0 ? text.Length : close + 1;
                var words = Words(inner);
                if (words.Count > 0) Add(clauses, new QueryClause(occur, words, false), ref pendingAnd);
                continue;
            }
            var start = i;
            while (i < text.Length && !IsSeparator(text[i]) && text[i] != '"') i++;
            var word = text[start..i];
            if (occur == QueryOccur.Should && word == "AND")
            {
                pendingAnd = true;
                if (clauses.Count > 0 && clauses[^1].Occur == QueryOccur.Should) clauses[^1] = clauses[^1] with { Occur = QueryOccur.Must };
                continue;
            }
            if (occur == QueryOccur.Should && word == "OR") continue;
            var prefix = word.EndsWith('*');
            var cleaned = Clean(word);
            if (cleaned.Length == 0) continue;
            Add(clauses, new QueryClause(occur, [cleaned], prefix), ref pendingAnd);
        }
        return new UserQuery(clauses);
    }

    private static void Add(List<QueryClause> clauses, QueryClause clause, ref bool pendingAnd)
    {
        if (clauses.Count >= MaxClauses)
            throw new QuerySyntaxException($"query has more than {MaxClauses} words or phrases");
        if (pendingAnd && clause.Occur == QueryOccur.Should) clause = clause with { Occur = QueryOccur.Must };
        pendingAnd = false;
        clauses.Add(clause);
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var cleaned = Clean(part);
            if (cleaned.Length > 0) words.Add(cleaned);
        }
        return words;
    }

    /// <summary>Keeps letters, digits and marks; drops query-syntax and punctuation characters.</summary>
    private static string Clean(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark || c == '_' || c == '@' || c == '.')
                builder.Append(c);
        return builder.ToString().Trim('.');
    }

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '(' or ')' or '[' or ']' or '{' or '}' or ':' or '~' or '^' or '\\' or '/' or '!' or '?' or '&' or '|'
            or ',' or ';' or '،' or '؛' or '؟' or '\'' or '<' or '>' or '=';
}
