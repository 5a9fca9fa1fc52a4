using Marsad.Store;
using Npgsql;

namespace Marsad.Tests.Store;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void FromUrl_ReadsEveryPart()
    {
        var parsed = Parse("postgres://marsad:s3cret@db.example:6543/news?sslmode=require&application_name=ingest");

        Assert.Equal("db.example", parsed.Host);
        Assert.Equal(6543, parsed.Port);
        Assert.Equal("marsad", parsed.Username);
        Assert.Equal("s3cret", parsed.Password);
        Assert.Equal("news", parsed.Database);
        Assert.Equal(SslMode.Require, parsed.SslMode);
        Assert.Equal("ingest", parsed.ApplicationName);
    }

    [Fact]
    public void FromUrl_DecodesPercentEscapesAndKeepsAtSignsInPassword()
    {
        var parsed = Parse("postgresql://%D9%85%D8%B1%D8%B5%D8%AF:p@ss%3Aw%2Fd@localhost/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1");

        Assert.Equal("مرصد", parsed.Username);
        Assert.Equal("p@ss:w/d", parsed.Password);
        Assert.Equal("أخبار", parsed.Database);
        Assert.Equal(5432, parsed.Port);
    }

    [Fact]
    public void FromUrl_AcceptsIpv6AndMissingParts()
    {
        var ipv6 = Parse("postgres://[::1]:5433/db");
        Assert.Equal("::1", ipv6.Host);
        Assert.Equal(5433, ipv6.Port);

        var bare = Parse("postgres://");
        Assert.Equal("localhost", bare.Host);
        Assert.Null(bare.Username);
        Assert.Null(bare.Database);
    }

    [Fact]
    public void FromUrl_PassesNpgsqlKeywordsThrough()
    {
        var parsed = Parse("postgres://u@h/d?Search+Path=marsad&Maximum%20Pool%20Size=7");
        Assert.Equal("marsad", parsed.SearchPath);
        Assert.Equal(7, parsed.MaxPoolSize);
    }

    [Theory]
    [InlineData("postgres://h:notaport/d")]
    [InlineData("postgres://h:70000/d")]
    [InlineData("postgres://[::1/d")]
    [InlineData("postgres://h/d?sslmode=sometimes")]
    [InlineData("postgres://h/d?no_such_option=1")]
    public void FromUrl_RejectsMalformedUrls(string url) =>
        Assert.Throws<FormatException>(() => PostgresConnectionString.FromUrl(url));

    [Fact]
    public void Normalize_KeepsConnectionStrings()
    {
        var parsed = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize("Host=h;Port=1234;Database=d"));
        Assert.Equal("h", parsed.Host);
        Assert.Equal(1234, parsed.Port);
    }

    [Fact]
    public void Redact_HidesPasswordOnly()
    {
        Assert.Equal("postgres://u:***@h:1/d", PostgresConnectionString.Redact("postgres://u:secret@h:1/d"));
        Assert.Equal("postgres://u@h/d", PostgresConnectionString.Redact("postgres://u@h/d"));
    }

    private static NpgsqlConnectionStringBuilder Parse(string url) => new(PostgresConnectionString.FromUrl(url));
}
