using Marsad.Analysis.Entities;

namespace Marsad.Tests.Entities;

public class NerTaggerTests
{
    private static string[] Tokens(string sentence) => sentence.Split(' ');

    [Fact]
    public void Tags_a_president_and_a_capital()
    {
        var tagger = new NerTagger();

        var tags = tagger.Tag(Tokens("قال الرئيس الأمريكي باراك أوباما في واشنطن إن الاقتصاد يتعافى ."));

        Assert.Equal(["O", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O", "O", "O", "O"], tags);
    }

    [Fact]
    public void Finds_person_and_places_with_attached_clitics()
    {
        var tagger = new NerTagger();

        var spans = tagger.Entities(Tokens("وصل الملك عبدالله إلى الرياض قادما من لندن ."));

        Assert.Contains(new EntitySpan("PERS", 2, 3, "عبدالله"), spans);
        Assert.Contains(new EntitySpan("LOC", 4, 5, "الرياض"), spans);
        Assert.Contains(new EntitySpan("LOC", 7, 8, "لندن"), spans);
    }

    [Fact]
    public void Recognises_a_multiword_organisation()
    {
        var tagger = new NerTagger();

        var spans = tagger.Entities("اجتمع مجلس الأمن الدولي في مقر الأمم المتحدة لبحث الوضع في سوريا.");

        Assert.Contains(spans, s => s is { Type: "ORG", Text: "الأمم المتحدة" });
        Assert.Contains(spans, s => s is { Type: "LOC", Text: "سوريا" });
    }

    [Fact]
    public void Raw_text_is_split_into_words_and_punctuation()
    {
        Assert.Equal(["زار", "سامي", "حمص", "،", "ثم", "عاد", "."], NerTagger.Tokenize("زار سامي حمص، ثم عاد."));
    }

    [Fact]
    public void Document_tagging_matches_sentence_count_and_lengths()
    {
        var tagger = new NerTagger();
        IReadOnlyList<string>[] doc =
        [
            Tokens("استقبل الرئيس اللبناني ميشال سليمان وفدا من باريس ."),
            Tokens("وقال سليمان إن الزيارة ناجحة ."),
        ];

        var tags = tagger.TagDocument(doc);

        Assert.Equal(2, tags.Length);
        Assert.Equal(doc[0].Count, tags[0].Length);
        Assert.Equal(doc[1].Count, tags[1].Length);
        Assert.Equal("B-PERS", tags[1][1]);
    }

    [Fact]
    public void Empty_input_gives_no_tags()
    {
        Assert.Empty(new NerTagger().Tag([]));
        Assert.Empty(new NerTagger().Entities(""));
    }

    [Fact]
    public void Output_is_always_well_formed_bio()
    {
        var tagger = new NerTagger();
        var tags = tagger.Tag(Tokens("أعلنت شركة مايكروسوفت عن نتائجها في نيويورك بحضور وزير المالية سمير الخطيب ."));
        for (var i = 0; i < tags.Length; i++)
        {
            if (!tags[i].StartsWith("I-", StringComparison.Ordinal)) continue;
            Assert.True(i > 0 && tags[i - 1][2..] == tags[i][2..] && tags[i - 1] != "O", $"dangling {tags[i]} at {i}");
        }
    }
}
