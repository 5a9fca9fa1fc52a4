using Marsad.Analysis.Reading;

namespace Marsad.Tests.Reading;

public sealed class DateLineParserTests
{
    [Theory]
    [InlineData("13/02/2018")]
    [InlineData("13-02-2018")]
    [InlineData("13.02.2018")]
    [InlineData("2018-02-13")]
    [InlineData("2018/02/13")]
    [InlineData("  13/2/2018  ")]
    [InlineData("١٣/٠٢/٢٠١٨")]
    [InlineData("٢٠١٨-٠٢-١٣")]
    [InlineData("۱۳/۰۲/۲۰۱۸")]
    [InlineData("13 فبراير 2018")]
    [InlineData("١٣ فبراير ٢٠١٨")]
    [InlineData("13 شباط 2018")]
    [InlineData("13 فيفري 2018")]
    [InlineData("13 شباط/فبراير 2018")]
    [InlineData("13 شباط (فبراير) 2018")]
    [InlineData("13 فبراير، 2018")]
    [InlineData("13 فبراير 2018م")]
    [InlineData("الثلاثاء 13 فبراير 2018")]
    [InlineData("الثلاثاء، 13 فبراير 2018")]
    [InlineData("2018-02-13 18:39:22")]
    [InlineData("2018-02-13T18:39:00+01:00")]
    [InlineData("2018-02-13T18:39:00Z")]
    [InlineData("2018-02-13T183900")]
    [InlineData("Tue, 13 Feb 2018 01:44:01 GMT")]
    [InlineData("Tue, 13 Feb 2018 21:56:56 +0400")]
    [InlineData("13 February 2018")]
    [InlineData("February 13, 2018")]
    public void Reads_13_February_2018(string line)
    {
        Assert.True(DateLineParser.TryParse(line, out var date), line);
        Assert.Equal(new DateOnly(2018, 2, 13), date);
    }

    [Theory]
    [InlineData("5 يناير 2017", 1)]
    [InlineData("5 كانون الثاني 2017", 1)]
    [InlineData("5 جانفي 2017", 1)]
    [InlineData("5 آذار 2017", 3)]
    [InlineData("5 أفريل 2017", 4)]
    [InlineData("5 إبريل 2017", 4)]
    [InlineData("5 ماي 2017", 5)]
    [InlineData("5 أيار 2017", 5)]
    [InlineData("5 جوان 2017", 6)]
    [InlineData("5 يونيه 2017", 6)]
    [InlineData("5 جويلية 2017", 7)]
    [InlineData("5 تموز 2017", 7)]
    [InlineData("5 أوت 2017", 8)]
    [InlineData("5 آب 2017", 8)]
    [InlineData("5 أيلول 2017", 9)]
    [InlineData("5 تشرين الأول 2017", 10)]
    [InlineData("5 تشرين الثاني 2017", 11)]
    [InlineData("5 كانون الأول 2017", 12)]
    [InlineData("5 ديسمبر 2017", 12)]
    public void Knows_every_month_naming_system(string line, int month)
    {
        Assert.True(DateLineParser.TryParse(line, out var date), line);
        Assert.Equal(new DateOnly(2017, month, 5), date);
    }

    [Theory]
    [InlineData("31/02/2018")]
    [InlineData("2018-13-45")]
    [InlineData("29/02/2019")]
    [InlineData("00/01/2018")]
    [InlineData("13/02/18")]
    [InlineData("13 فبراير")]
    [InlineData("32 مايو 2018")]
    [InlineData("13 بلابلا 2018")]
    [InlineData("13/02/2018 قال المتحدث إن الاجتماع انتهى")]
    [InlineData("قال المتحدث في 13/02/2018")]
    [InlineData("2018-02-13 25:30")]
    [InlineData("2018-02-13 12:99")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1500")]
    public void Rejects_what_is_not_a_whole_valid_date(string line)
    {
        Assert.False(DateLineParser.TryParse(line, out _), line);
        Assert.Null(DateLineParser.Parse(line));
    }

    [Fact]
    public void Accepts_leap_day_in_a_leap_year()
    {
        Assert.Equal(new DateOnly(2016, 2, 29), DateLineParser.Parse("29/02/2016"));
    }
}
