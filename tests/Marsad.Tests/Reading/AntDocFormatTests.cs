namespace Marsad.Tests.Reading;

public sealed class AntDocFormatTests
{
    private static string Doc(string docNo, string title, string time, string body) =>
        $"""
         <DOC>
         <DOCNO>{docNo}</DOCNO>
         <URL>https://example.com/ar/{docNo}</URL>
         <SRC>example</SRC>
         <CAT>culture</CAT>
         <TITLE>{title}</TITLE>
         <TIME>{time}</TIME>
         <AUTHOR>مراسل الموقع</AUTHOR>
         <ABSTRACT>
         ملخص قصير للخبر
         </ABSTRACT>
         <TEXT>
         {body}
         </TEXT>
         </DOC>

         """;

    [Fact]
    public void Reads_every_element_and_keeps_stray_ampersands_and_angle_brackets()
    {
        var body = "ارتفع المؤشر بنسبة 3% & تراجعت السندات، والفارق < 2 نقطة.\nوقال محلل إن <السوق> هادئة.";
        var text = Doc("EX-culture-7-20180220", Samples.Title, "Tue, 20 Feb 2018 01:44:01 GMT", body);

        var article = Samples.Single(Samples.Read(text, "ant/EX-culture-7.txt"));

        Assert.Equal(Samples.Title, article.Title);
        Assert.Equal(body, article.Body);
        Assert.Equal(new DateOnly(2018, 2, 20), article.Date);
        Assert.Equal("example", article.Source);
        Assert.Equal("culture", article.Category);
        Assert.Equal("https://example.com/ar/EX-culture-7-20180220", article.Url);
        Assert.Equal("ملخص قصير للخبر", article.Abstract);
        Assert.Equal("مراسل الموقع", article.Author);
        Assert.Equal("ant/EX-culture-7.txt", article.Origin);
    }

    [Fact]
    public void Reads_iso_times_and_numbers_several_documents()
    {
        var text = Doc("EX-sport-1-20170121", Samples.Title, "2017-01-21T20:46:00+01:00", Samples.Body) +
                   Doc("EX-sport-2-20170122", Samples.SecondTitle, "22/01/2017", Samples.SecondBody);

        var results = Samples.Read(text, "multi.txt");

        Assert.Equal(2, results.Count);
        Assert.Equal("multi.txt#1", results[0].Article!.Origin);
        Assert.Equal(new DateOnly(2017, 1, 21), results[0].Article!.Date);
        Assert.Equal("multi.txt#2", results[1].Article!.Origin);
        Assert.Equal(Samples.SecondTitle, results[1].Article!.Title);
        Assert.Equal(new DateOnly(2017, 1, 22), results[1].Article!.Date);
    }

    [Fact]
    public void Falls_back_to_the_day_in_the_document_number()
    {
        var text = Doc("EX-sport-3-20170315", Samples.Title, "", Samples.Body);

        Assert.Equal(new DateOnly(2017, 3, 15), Samples.Single(Samples.Read(text, "a.txt")).Date);
    }

    [Fact]
    public void A_truncated_document_is_an_error_but_earlier_ones_are_kept()
    {
        var complete = Doc("EX-sport-1-20170121", Samples.Title, "21/01/2017", Samples.Body);
        var cut = Doc("EX-sport-2-20170122", Samples.SecondTitle, "22/01/2017", Samples.SecondBody);
        var text = complete + cut[..cut.IndexOf("</TEXT>", StringComparison.Ordinal)];

        var results = Samples.Read(text, "cut.txt");

        Assert.Equal(2, results.Count);
        Assert.NotNull(results[0].Article);
        Assert.Equal("cut.txt#2", results[1].Error!.Origin);
        Assert.Contains("truncated", results[1].Error!.Reason);
    }

    [Fact]
    public void Empty_title_is_reported()
    {
        var r = Assert.Single(Samples.Read(Doc("EX-x-1-20180101", " ", "01/01/2018", Samples.Body), "t.txt"));

        Assert.Equal("no title", r.Error!.Reason);
    }
}
