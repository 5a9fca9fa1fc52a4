namespace Marsad.Tests.Reading;

public sealed class PlainTextFormatTests
{
    [Theory]
    [InlineData("13/02/2018")]
    [InlineData("13-02-2018")]
    [InlineData("2018-02-13")]
    [InlineData("13 فبراير 2018")]
    [InlineData("13 شباط 2018")]
    [InlineData("13 فيفري 2018")]
    [InlineData("١٣/٠٢/٢٠١٨")]
    public void Reads_title_date_and_body(string dateLine)
    {
        var article = Samples.Single(Samples.Read(Samples.PlainArticle(dateLine), "news/fair.txt"));

        Assert.Equal(Samples.Title, article.Title);
        Assert.Equal(new DateOnly(2018, 2, 13), article.Date);
        Assert.Equal(Samples.Body, article.Body);
        Assert.Equal("news/fair.txt", article.Origin);
    }

    [Fact]
    public void Without_a_date_line_the_body_follows_the_title()
    {
        var article = Samples.Single(Samples.Read($"{Samples.Title}\n\n{Samples.Body}", "a.txt"));

        Assert.Null(article.Date);
        Assert.Equal(Samples.Body, article.Body);
    }

    [Fact]
    public void Invalid_date_line_stays_in_the_body()
    {
        var article = Samples.Single(Samples.Read($"{Samples.Title}\n\n31/02/2018\n{Samples.Body}", "a.txt"));

        Assert.Null(article.Date);
        Assert.StartsWith("31/02/2018\n", article.Body);
    }

    [Fact]
    public void Without_blank_lines_the_first_line_is_the_title()
    {
        var article = Samples.Single(Samples.Read($"{Samples.Title}\n{Samples.Body}", "a.txt"));

        Assert.Equal(Samples.Title, article.Title);
        Assert.Equal(Samples.Body, article.Body);
    }

    [Fact]
    public void Handles_windows_line_endings_and_leading_blank_lines()
    {
        var text = "\r\n\r\n" + Samples.PlainArticle("13/02/2018").Replace("\n", "\r\n");
        var article = Samples.Single(Samples.Read(text, "a.txt"));

        Assert.Equal(Samples.Title, article.Title);
        Assert.Equal(new DateOnly(2018, 2, 13), article.Date);
        Assert.Equal(Samples.Body, article.Body);
    }

    [Fact]
    public void A_title_alone_is_an_error()
    {
        var r = Assert.Single(Samples.Read(Samples.Title + "\n\n", "only-title.txt"));

        Assert.Null(r.Article);
        Assert.Equal("only-title.txt", r.Error!.Origin);
        Assert.Contains("no body", r.Error.Reason);
    }

    [Fact]
    public void Markup_is_not_read_as_an_article()
    {
        var r = Assert.Single(Samples.Read("<html><body><p>نص</p></body></html>", "page.txt"));

        Assert.Contains("unrecognised format", r.Error!.Reason);
    }
}
