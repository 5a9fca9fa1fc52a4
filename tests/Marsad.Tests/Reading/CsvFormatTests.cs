namespace Marsad.Tests.Reading;

public sealed class CsvFormatTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_newlines()
    {
        var csv = "title,date,body,source,url,category\r\n" +
                  $"\"{Samples.Title}\",13/02/2018,\"الفقرة الأولى، وفيها فاصلة.\nوقال \"\"المدير\"\": أهلا.\",وكالة,http://example.com/1,culture\r\n" +
                  $"{Samples.SecondTitle},2018-02-14,{Samples.SecondBody},,,sport\r\n";

        var results = Samples.Read(csv, "export.csv");

        Assert.Equal(2, results.Count);
        var first = results[0].Article!;
        Assert.Equal("export.csv#1", first.Origin);
        Assert.Equal(Samples.Title, first.Title);
        Assert.Equal(new DateOnly(2018, 2, 13), first.Date);
        Assert.Equal("الفقرة الأولى، وفيها فاصلة.\nوقال \"المدير\": أهلا.", first.Body);
        Assert.Equal("وكالة", first.Source);
        Assert.Equal("culture", first.Category);
        var second = results[1].Article!;
        Assert.Equal(Samples.SecondBody, second.Body);
        Assert.Null(second.Source);
        Assert.Equal("sport", second.Category);
    }

    [Fact]
    public void Maps_content_and_text_headers_and_tab_delimiters()
    {
        var tsv = $"Title\tText\n{Samples.Title}\t{Samples.SecondBody}\n";

        var article = Samples.Single(Samples.Read(tsv, "export.tsv"));

        Assert.Equal(Samples.SecondBody, article.Body);
        Assert.Equal("export.tsv#1", article.Origin);
    }

    [Fact]
    public void A_row_with_the_wrong_field_count_is_one_error()
    {
        var csv = $"title,content\n{Samples.Title},{Samples.SecondBody}\nعنوان,نص,زائد\n{Samples.SecondTitle},{Samples.SecondBody}\n";

        var results = Samples.Read(csv, "e.csv");

        Assert.Equal(3, results.Count);
        Assert.Equal("e.csv#2", results[1].Error!.Origin);
        Assert.Contains("has 3 fields, the header has 2", results[1].Error!.Reason);
        Assert.Equal(Samples.SecondTitle, results[2].Article!.Title);
    }

    [Fact]
    public void An_unclosed_quote_at_the_end_is_reported_as_truncation()
    {
        var csv = $"title,content\n{Samples.Title},{Samples.SecondBody}\n{Samples.SecondTitle},\"بداية نص لم يكتمل";

        var results = Samples.Read(csv, "t.csv");

        Assert.Equal(2, results.Count);
        Assert.Contains("truncated CSV", results[1].Error!.Reason);
    }
}
