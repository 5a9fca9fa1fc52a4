using Marsad.Analysis.Entities;

namespace Marsad.Tests.Entities;

public class ConllCorpusTests
{
    [Fact]
    public void Reads_sentences_separated_by_blank_lines()
    {
        const string text = "وصل O\nسالم B-PERS\nإلى O\nتونس B-LOC\n\n\nغادر O\nأمس O\n";

        var sentences = ConllCorpus.Read(new StringReader(text));

        Assert.Equal(2, sentences.Count);
        Assert.Equal(["وصل", "سالم", "إلى", "تونس"], sentences[0].Tokens);
        Assert.Equal(["O", "B-PERS", "O", "B-LOC"], sentences[0].Tags);
        Assert.Equal(2, sentences[1].Count);
    }

    [Fact]
    public void Splits_two_pairs_that_lost_their_line_break()
    {
        var sentences = ConllCorpus.Read(new StringReader(". O\nمرحبا O بسمير B-PERS\n"));

        Assert.Equal([".", "مرحبا", "بسمير"], sentences[0].Tokens);
        Assert.Equal(["O", "O", "B-PERS"], sentences[0].Tags);
    }

    [Fact]
    public void Write_then_read_round_trips()
    {
        var original = new[]
        {
            new ConllSentence(["ذهب", "فؤاد", "إلى", "صيدا"], ["O", "B-PERS", "O", "B-LOC"]),
            new ConllSentence(["انتهى"], ["O"]),
        };
        var writer = new StringWriter();
        ConllCorpus.Write(writer, original);

        var back = ConllCorpus.Read(new StringReader(writer.ToString()));

        Assert.Equal(2, back.Count);
        for (var s = 0; s < 2; s++)
        {
            Assert.Equal(original[s].Tokens, back[s].Tokens);
            Assert.Equal(original[s].Tags, back[s].Tags);
        }
    }

    [Fact]
    public void A_token_without_a_tag_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => ConllCorpus.Read(new StringReader("كلمة\n")));
    }
}
