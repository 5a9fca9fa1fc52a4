using Marsad.Search;

namespace Marsad.Tests.Search;

public sealed class UserQueryTests
{
    [Fact]
    public void Words_phrases_prefixes_and_exclusions_are_parsed()
    {
        var query = UserQuery.Parse("درنة \"الشرق الليبي\" -سرت اقتصا* +حفتر");
        Assert.Collection(query.Clauses,
            c => Assert.Equal((QueryOccur.Should, "درنة"), (c.Occur, c.Words[0])),
            c => Assert.Equal(["الشرق", "الليبي"], c.Words),
            c => Assert.Equal((QueryOccur.MustNot, "سرت"), (c.Occur, c.Words[0])),
            c => Assert.True(c.IsPrefix && c.Words[0] == "اقتصا"),
            c => Assert.Equal((QueryOccur.Must, "حفتر"), (c.Occur, c.Words[0])));
    }

    [Fact]
    public void And_makes_both_neighbours_required()
    {
        var query = UserQuery.Parse("بنغازي AND درنة");
        Assert.All(query.Clauses, c => Assert.Equal(QueryOccur.Must, c.Occur));
    }

    [Fact]
    public void Syntax_characters_are_separators_not_operators()
    {
        var query = UserQuery.Parse("body:(درنة) [1 TO 9] ~ ^");
        Assert.Equal(["body", "درنة", "1", "TO", "9"], query.Clauses.Select(c => c.Words[0]));
    }

    [Fact]
    public void An_unclosed_quote_runs_to_the_end()
    {
        var clause = Assert.Single(UserQuery.Parse("\"مجلس شورى").Clauses);
        Assert.Equal(["مجلس", "شورى"], clause.Words);
    }

    [Fact]
    public void Too_many_clauses_are_refused()
    {
        Assert.Throws<QuerySyntaxException>(() => UserQuery.Parse(string.Join(' ', Enumerable.Range(0, UserQuery.MaxClauses + 1))));
    }
}
