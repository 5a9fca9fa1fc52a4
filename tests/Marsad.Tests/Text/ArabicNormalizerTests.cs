using Marsad.Text;

namespace Marsad.Tests.Text;

public class ArabicNormalizerTests
{
    [Theory]
    [InlineData("كَتَبَ الطّالِبُ دَرْسًا", "كتب الطالب درسا")]
    [InlineData("جـــميل جداً", "جميل جدا")]
    [InlineData("أحمد وإبراهيم وآمنة وٱبنها", "احمد وابراهيم وامنة وابنها")]
    [InlineData("مشى إلى المستشفى", "مشي الي المستشفي")]
    [InlineData("مسؤول رئيس سماء", "مسؤول رئيس سماء")]
    [InlineData("عام ٢٠١٩ و۱۲ شهرا", "عام 2019 و12 شهرا")]
    [InlineData("نسبة ٣٫٥ وعدد ٣٬٠٠٠", "نسبة 3.5 وعدد 3,000")]
    [InlineData("BBC News و CNN", "bbc news و cnn")]
    [InlineData("\uFEFFمر\u200Cحبا\u200F بكم\u200E", "مرحبا بكم")]
    [InlineData("مدرسة جديدة", "مدرسة جديدة")]
    public void Default_folds_orthographic_variants(string input, string expected) =>
        Assert.Equal(expected, ArabicNormalizer.Normalize(input));

    [Fact]
    public void Hamza_on_waw_and_ya_is_kept_by_design() =>
        Assert.Equal("سؤال هيئة", ArabicNormalizer.Normalize("سُؤال هَيْئة"));

    [Fact]
    public void Search_preset_also_folds_taa_marbuta() =>
        Assert.Equal("مدرسه جديده", ArabicNormalizer.Normalize("مدرسة جديدة", NormalizationOptions.Search));

    [Fact]
    public void Options_can_be_switched_off_individually()
    {
        Assert.Equal("أحمد", ArabicNormalizer.Normalize("أحمد", NormalizationOptions.Default & ~NormalizationOptions.Alef));
        Assert.Equal("٢٠", ArabicNormalizer.Normalize("٢٠", NormalizationOptions.Default & ~NormalizationOptions.Digits));
        Assert.Equal("كَتب", ArabicNormalizer.Normalize("كَتب", NormalizationOptions.None));
    }

    [Fact]
    public void Presentation_forms_map_to_base_letters_and_ligatures_expand()
    {
        // ﻻ (lam-alef isolated), ﻷ (lam-alef with hamza), ﷲ (Allah ligature), ﺑﺎﺏ (beh, alef, beh in contextual forms).
        Assert.Equal("لا", ArabicNormalizer.Normalize("\uFEFB"));
        Assert.Equal("لا", ArabicNormalizer.Normalize("\uFEF7"));
        Assert.Equal("الله", ArabicNormalizer.Normalize("\uFDF2"));
        Assert.Equal("باب", ArabicNormalizer.Normalize("\uFE91\uFE8E\uFE8F"));
        Assert.Equal("ل", ArabicNormalizer.Normalize("\uFEDD\uFE72"));
    }

    [Fact]
    public void Span_overload_reports_written_length_and_honours_the_documented_bound()
    {
        var source = "\uFDF2\uFEFB".AsSpan();
        Span<char> destination = stackalloc char[source.Length * ArabicNormalizer.MaxExpansion];
        var written = ArabicNormalizer.Normalize(source, destination);
        Assert.Equal("اللهلا", destination[..written].ToString());
    }

    [Fact]
    public void Too_small_destination_throws_instead_of_truncating()
    {
        var tooSmall = new char[3];
        Assert.Throws<ArgumentException>(() => ArabicNormalizer.Normalize("\uFDF2", tooSmall));
    }

    [Fact]
    public void Unchanged_string_is_returned_without_copy()
    {
        var text = "مدينة صغيرة";
        Assert.Same(text, ArabicNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData(NormalizationOptions.Default)]
    [InlineData(NormalizationOptions.Search)]
    [InlineData(NormalizationOptions.Diacritics | NormalizationOptions.PresentationForms)]
    [InlineData(NormalizationOptions.PresentationForms)]
    public void Normalising_twice_equals_normalising_once_for_every_character(NormalizationOptions options)
    {
        var buffer = new char[ArabicNormalizer.MaxExpansion];
        var again = new char[ArabicNormalizer.MaxExpansion * ArabicNormalizer.MaxExpansion];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var once = ArabicNormalizer.Normalize([(char)c], buffer, options);
            var twice = ArabicNormalizer.Normalize(buffer.AsSpan(0, once), again, options);
            Assert.True(buffer.AsSpan(0, once).SequenceEqual(again.AsSpan(0, twice)), $"U+{c:X4} is not idempotent under {options}");
        }
    }

    [Fact]
    public void Normalising_a_mixed_sentence_is_idempotent()
    {
        var text = "قالَ المُتحدِّثُ: إنّ ﻻئحة الـ٢٠ بنداً أُقرّت في \u200Fمؤتمر BBC.";
        var once = ArabicNormalizer.Normalize(text, NormalizationOptions.Search);
        Assert.Equal(once, ArabicNormalizer.Normalize(once, NormalizationOptions.Search));
    }
}
