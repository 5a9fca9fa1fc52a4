using Marsad.Text;

namespace Marsad.Tests.Text;

public class TokenizerTests
{
    private static List<(string Text, TokenKind Kind)> Tokens(string text)
    {
        var list = new List<Token>();
        Tokenizer.Tokenize(text, list);
        return list.Select(t => (text.Substring(t.Start, t.Length), t.Kind)).ToList();
    }

    [Fact]
    public void Splits_words_numbers_and_each_punctuation_mark()
    {
        var tokens = Tokens("وصل الوفدُ إلى طرابلس يوم 27 مارس، وقال: «نحن هنا»؟");
        Assert.Equal(
        [
            ("وصل", TokenKind.ArabicWord), ("الوفدُ", TokenKind.ArabicWord), ("إلى", TokenKind.ArabicWord),
            ("طرابلس", TokenKind.ArabicWord), ("يوم", TokenKind.ArabicWord), ("27", TokenKind.Number),
            ("مارس", TokenKind.ArabicWord), ("،", TokenKind.Punctuation), ("وقال", TokenKind.ArabicWord),
            (":", TokenKind.Punctuation), ("«", TokenKind.Punctuation), ("نحن", TokenKind.ArabicWord),
            ("هنا", TokenKind.ArabicWord), ("»", TokenKind.Punctuation), ("؟", TokenKind.Punctuation),
        ], tokens);
    }

    [Fact]
    public void Offsets_point_into_the_original_text()
    {
        // The lone tatweel is not a token: it never starts a word.
        var text = "  سَلامٌ ـ عليكم؛ 3.5%";
        var list = new List<Token>();
        Tokenizer.Tokenize(text, list);
        Assert.Equal(new Token(2, 6, TokenKind.ArabicWord), list[0]);
        Assert.Equal(8, list[0].End);
        Assert.Equal("عليكم", list[1].Slice(text).ToString());
        Assert.Equal(new Token(16, 1, TokenKind.Punctuation), list[2]);
        Assert.Equal(new Token(18, 3, TokenKind.Number), list[3]);
        Assert.Equal(TokenKind.Punctuation, list[4].Kind);
        Assert.Equal(5, list.Count);
    }

    [Fact]
    public void Diacritics_tatweel_and_joiners_stay_inside_the_word()
    {
        Assert.Equal([("كَتَبَ", TokenKind.ArabicWord), ("جمـــيل", TokenKind.ArabicWord), ("مي\u200Cخانه", TokenKind.ArabicWord)],
            Tokens("كَتَبَ جمـــيل مي\u200Cخانه"));
    }

    [Theory]
    [InlineData("27", "27")]
    [InlineData("١٢", "١٢")]
    [InlineData("3.5", "3.5")]
    [InlineData("3,000", "3,000")]
    [InlineData("٣٫٥", "٣٫٥")]
    [InlineData("١٬٢٠٠", "١٬٢٠٠")]
    public void Numbers_keep_their_inner_separators(string text, string expected) =>
        Assert.Equal([(expected, TokenKind.Number)], Tokens(text));

    [Fact]
    public void Separators_without_a_following_digit_are_punctuation()
    {
        Assert.Equal([("2019", TokenKind.Number), (".", TokenKind.Punctuation)], Tokens("2019."));
        Assert.Equal([("3", TokenKind.Number), (",", TokenKind.Punctuation), ("4", TokenKind.Number)], Tokens("3, 4"));
    }

    [Fact]
    public void Urls_emails_hashtags_and_mentions_are_single_tokens()
    {
        var tokens = Tokens("راجع https://example.org/ar/news?id=7. أو www.marsad.example و info@marsad.example #درنة #Libya_2023 @marsad_news");
        Assert.Contains(("https://example.org/ar/news?id=7", TokenKind.Url), tokens);
        Assert.Contains(("www.marsad.example", TokenKind.Url), tokens);
        Assert.Contains(("info@marsad.example", TokenKind.Email), tokens);
        Assert.Contains(("#درنة", TokenKind.Hashtag), tokens);
        Assert.Contains(("#Libya_2023", TokenKind.Hashtag), tokens);
        Assert.Contains(("@marsad_news", TokenKind.Mention), tokens);
        Assert.Equal((".", TokenKind.Punctuation), tokens[2]);
    }

    [Fact]
    public void Lone_hash_and_at_signs_are_punctuation()
    {
        Assert.Equal([("#", TokenKind.Punctuation), ("@", TokenKind.Punctuation)], Tokens("# @"));
    }

    [Fact]
    public void Latin_words_symbols_and_emoji_are_separated()
    {
        var tokens = Tokens("شاشة OLED بسعر $500 👍");
        Assert.Equal(
        [
            ("شاشة", TokenKind.ArabicWord), ("OLED", TokenKind.LatinWord), ("بسعر", TokenKind.ArabicWord),
            ("$", TokenKind.Symbol), ("500", TokenKind.Number), ("👍", TokenKind.Symbol),
        ], tokens);
    }

    [Fact]
    public void Arabic_and_latin_letters_glued_together_split_by_script()
    {
        Assert.Equal([("بـ", TokenKind.ArabicWord), ("MBC", TokenKind.LatinWord)], Tokens("بـMBC"));
    }

    [Fact]
    public void Enumerator_yields_the_same_tokens_as_the_list_api()
    {
        const string text = "أعلنت الشركة عن أرباح بلغت ١٫٢ مليار، راجع www.example.com الآن!";
        var list = new List<Token>();
        Tokenizer.Tokenize(text, list);
        var enumerated = new List<Token>();
        foreach (var token in Tokenizer.Enumerate(text)) enumerated.Add(token);
        Assert.Equal(list, enumerated);
        Assert.Equal(12, list.Count);
    }

    [Fact]
    public void Empty_and_blank_text_yield_nothing()
    {
        Assert.Empty(Tokens(""));
        Assert.Empty(Tokens(" \n\t\u200F "));
    }
}
