using System.Text;
using Marsad.Analysis.Reading;

namespace Marsad.Tests.Reading;

public sealed class EncodingTests
{
    private static readonly string Text = Samples.PlainArticle("13/02/2018");

    public static TheoryData<string> Encodings => ["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1256"];

    private static byte[] Encode(string kind, string text) => kind switch
    {
        "utf8" => new UTF8Encoding(false).GetBytes(text),
        "utf8-bom" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)],
        "utf16le-bom" => [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)],
        "utf16be-bom" => [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf16le" => Encoding.Unicode.GetBytes(text),
        "utf16be" => Encoding.BigEndianUnicode.GetBytes(text),
        "cp1256" => TextDecoder.Windows1256.GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Every_encoding_reads_to_the_same_article(string kind)
    {
        var expected = Samples.Single(Samples.Read(Encode("utf8", Text), "a.txt"));

        var article = Samples.Single(Samples.Read(Encode(kind, Text), "a.txt"));

        Assert.Equal(Samples.Title, article.Title);
        Assert.Equal(Samples.Body, article.Body);
        Assert.Equal(new DateOnly(2018, 2, 13), article.Date);
        Assert.Equal(expected.Id, article.Id);
    }

    [Fact]
    public void Windows_1256_is_chosen_only_for_invalid_utf8()
    {
        var utf8 = Encoding.UTF8.GetBytes(Text);
        var cp1256 = TextDecoder.Windows1256.GetBytes(Text);

        Assert.Equal(Encoding.UTF8.CodePage, TextDecoder.Detect(utf8, true, out _)!.CodePage);
        Assert.Equal(1256, TextDecoder.Detect(cp1256, true, out _)!.CodePage);
    }

    [Fact]
    public void A_utf8_character_cut_at_the_end_of_a_partial_head_is_not_held_against_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Samples.Body);
        var cut = bytes.AsSpan(0, 5); // the fifth byte is the first half of the third letter

        Assert.Equal(Encoding.UTF8.CodePage, TextDecoder.Detect(cut, false, out _)!.CodePage);
    }

    [Fact]
    public void Large_windows_1256_json_is_transcoded_while_streaming()
    {
        var records = string.Join(",", Enumerable.Range(0, 1000).Select(i =>
            $"{{\"title\": \"{Samples.Title} {i}\", \"content\": \"{Samples.SecondBody}\"}}"));
        var bytes = TextDecoder.Windows1256.GetBytes("[" + records + "]");
        Assert.True(bytes.Length > 64 * 1024);

        var results = Samples.Read(bytes, "legacy.json");

        Assert.Equal(1000, results.Count);
        Assert.Equal($"{Samples.Title} 999", results[^1].Article!.Title);
        Assert.Equal(Samples.SecondBody, results[^1].Article!.Body);
    }
}
