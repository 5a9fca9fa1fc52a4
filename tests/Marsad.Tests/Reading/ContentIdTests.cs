using Marsad.Analysis.Reading;

namespace Marsad.Tests.Reading;

public sealed class ContentIdTests
{
    [Fact]
    public void Is_sixteen_lowercase_hex_digits()
    {
        var id = ContentId.Compute(Samples.Title, Samples.Body);

        Assert.Equal(16, id.Length);
        Assert.All(id, c => Assert.True(char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)));
    }

    [Fact]
    public void Ignores_diacritics_tatweel_and_whitespace_layout()
    {
        var plain = ContentId.Compute("وصل الوفد إلى المدينة", "بدأت المحادثات صباحا.\nوانتهت مساء.");
        var decorated = ContentId.Compute("  وَصَلَ الوفـــد إلى   المدينة ",
            "بدأت المحادثاتُ صباحاً.\r\n\r\n  وانتهت\tمساء.  ");

        Assert.Equal(plain, decorated);
    }

    [Fact]
    public void Applies_compatibility_normalisation()
    {
        // Presentation forms (as produced by some PDF exports) fold to the ordinary letters under NFKC.
        var presentation = "\uFEB3\uFEE0\uFEE2"; // سلم written with isolated/initial/final forms
        Assert.Equal(ContentId.Compute("سلم", "نص"), ContentId.Compute(presentation, "نص"));
    }

    [Fact]
    public void Differs_when_the_words_differ()
    {
        Assert.NotEqual(ContentId.Compute(Samples.Title, Samples.Body), ContentId.Compute(Samples.Title, Samples.SecondBody));
        Assert.NotEqual(ContentId.Compute("أ ب", "ج"), ContentId.Compute("أ", "ب ج"));
    }
}
