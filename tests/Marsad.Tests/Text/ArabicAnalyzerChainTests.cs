using Marsad.Text;

namespace Marsad.Tests.Text;

public class ArabicAnalyzerChainTests
{
    private sealed record Row(string Text, TokenKind Kind, string Normalized, string Stem, Proclitics Proclitics, Enclitic Enclitic, bool Stop);

    private static List<Row> Analyze(string text, ArabicAnalyzerChain? chain = null)
    {
        var rows = new List<Row>();
        foreach (var t in (chain ?? new ArabicAnalyzerChain()).Analyze(text))
        {
            rows.Add(new Row(text.Substring(t.Token.Start, t.Token.Length), t.Token.Kind, t.Normalized.ToString(), t.Stem.ToString(),
                t.Clitics.Proclitics, t.Clitics.Enclitic, t.IsStopWord));
        }
        return rows;
    }

    [Fact]
    public void Each_token_carries_its_normalised_form_stem_clitics_and_stop_flag()
    {
        var rows = Analyze("وبالمدينةِ أعلنت حكومتُها عن ٣ خطط في لبنان.");
        Assert.Equal(new Row("وبالمدينةِ", TokenKind.ArabicWord, "وبالمدينة", "مدين", Proclitics.Wa | Proclitics.Bi | Proclitics.Al, Enclitic.None, false), rows[0]);
        Assert.Equal(new Row("أعلنت", TokenKind.ArabicWord, "اعلنت", "اعلن", Proclitics.None, Enclitic.None, false), rows[1]);
        Assert.Equal(new Row("حكومتُها", TokenKind.ArabicWord, "حكومتها", "حكوم", Proclitics.None, Enclitic.Ha, false), rows[2]);
        Assert.True(rows[3].Stop);
        Assert.Equal(new Row("٣", TokenKind.Number, "3", "3", Proclitics.None, Enclitic.None, false), rows[4]);
        Assert.True(rows[6].Stop);
        Assert.Equal("لبنان", rows[7].Normalized);
        Assert.Equal(Proclitics.None, rows[7].Proclitics);
        Assert.Equal(TokenKind.Punctuation, rows[8].Kind);
        Assert.Equal(9, rows.Count);
    }

    [Fact]
    public void Clitic_forms_of_function_words_are_flagged_through_their_base()
    {
        var rows = Analyze("وفي منها ولكن");
        Assert.All(rows, r => Assert.True(r.Stop, r.Text));
    }

    [Fact]
    public void Cached_and_fresh_analyses_agree()
    {
        const string text = "قال المتحدث إن الوفود وصلت إلى المدينة، ثم عادت الوفود إلى مدنها والمدينة هادئة";
        var chain = new ArabicAnalyzerChain();
        var first = Analyze(text, chain);
        var second = Analyze(text, chain);
        Assert.Equal(first, second);
        Assert.Equal(first, Analyze(text));
    }

    [Fact]
    public void Long_and_non_arabic_block_words_take_the_general_path()
    {
        var rows = Analyze("والاستراتيجيات پارسی");
        Assert.Equal(Proclitics.Wa | Proclitics.Al, rows[0].Proclitics);
        Assert.Equal(TokenKind.ArabicWord, rows[1].Kind);
    }

    [Fact]
    public void Chain_tokens_are_exactly_the_tokenizer_tokens()
    {
        const string text = "  ـ قالَ ﻻعبو الفريقِ: سنفوز ٢-١ على BBC في 3.5% من #المباريات @marsad www.example.org ﷲ 👍 كَتَبَ\u200Cوا";
        var expected = new List<Token>();
        Tokenizer.Tokenize(text, expected);
        var actual = new List<Token>();
        foreach (var token in new ArabicAnalyzerChain().Analyze(text)) actual.Add(token.Token);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Normalised_forms_match_the_normaliser()
    {
        const string text = "ﻻعبو الفريقِ أعلنوا ﷲ مستشفىً جـــديداً";
        var chain = new ArabicAnalyzerChain();
        foreach (var token in chain.Analyze(text))
            Assert.Equal(ArabicNormalizer.Normalize(text.Substring(token.Token.Start, token.Token.Length)), token.Normalized.ToString());
    }

    [Fact]
    public void Analysing_warm_text_allocates_nothing()
    {
        const string text = "أكد الوزير أن الحكومة ستعلن خطتها الجديدة للطاقة خلال أيام، وقال: «نحن مستعدون» عبر https://example.org #الطاقة.";
        var chain = new ArabicAnalyzerChain();
        Count(chain, text);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var tokens = 0;
        for (var i = 0; i < 100; i++) tokens += Count(chain, text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(tokens > 2000);
        Assert.Equal(0, allocated);
    }

    private static int Count(ArabicAnalyzerChain chain, string text)
    {
        var n = 0;
        foreach (var token in chain.Analyze(text))
        {
            if (token.Stem.Length > 0) n++;
        }
        return n;
    }
}
