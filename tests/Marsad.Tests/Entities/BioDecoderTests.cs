using Marsad.Analysis.Entities;

namespace Marsad.Tests.Entities;

public class BioDecoderTests
{
    private const int L = NerLabels.Count;

    /// <summary>Emissions that favour the given tag at each position by 1, everything else 0; no transition preferences.</summary>
    private static int[] Decode(string[] favoured, bool[] continuesEntity, float[]? extra = null)
    {
        var n = favoured.Length;
        var emissions = new float[n * L];
        for (var i = 0; i < n; i++) emissions[i * L + NerLabels.Index(favoured[i])] = 1f;
        if (extra is not null)
            for (var k = 0; k < extra.Length; k++) emissions[k] += extra[k];
        var labels = new int[n];
        BioDecoder.Decode(emissions, new float[L * L], new float[L], n, continuesEntity, labels, new float[n * L], new byte[n * L]);
        return labels;
    }

    private static string[] Names(int[] labels) => [.. labels.Select(l => NerLabels.Names[l])];

    [Fact]
    public void A_name_link_inside_an_entity_carries_it_to_the_next_token()
    {
        // حمد بن خليفة آل ثاني: the emissions alone would stop at آل (ثاني also reads as "second").
        string[] favoured = ["B-PERS", "I-PERS", "I-PERS", "I-PERS", "O"];
        bool[] links = [false, true, false, true, false];
        var extra = new float[5 * L];
        extra[4 * L + NerLabels.Index("I-PERS")] = 0.9f;

        Assert.Equal(["B-PERS", "I-PERS", "I-PERS", "I-PERS", "O"], Names(Decode(favoured, new bool[5], extra)));
        Assert.Equal(["B-PERS", "I-PERS", "I-PERS", "I-PERS", "I-PERS"], Names(Decode(favoured, links, extra)));
    }

    [Fact]
    public void A_name_link_outside_any_entity_is_free()
    {
        // ابن as a common noun ("son") followed by a place.
        string[] favoured = ["O", "O", "B-LOC"];

        Assert.Equal(["O", "O", "B-LOC"], Names(Decode(favoured, [false, true, false])));
    }

    [Fact]
    public void An_entity_cannot_end_a_sentence_on_a_name_link()
    {
        string[] favoured = ["B-PERS", "I-PERS"];

        Assert.Equal(["B-PERS", "O"], Names(Decode(favoured, [false, true])));
    }

    [Fact]
    public void An_empty_link_span_imposes_nothing()
    {
        string[] favoured = ["B-PERS", "I-PERS", "O"];

        Assert.Equal(["B-PERS", "I-PERS", "O"], Names(Decode(favoured, [])));
    }

    [Theory]
    [InlineData("بن", true)]
    [InlineData("آل", true)]
    [InlineData("أبو", true)]
    [InlineData("عبد", true)]
    [InlineData("أم", true)]
    [InlineData("خليفة", false)]
    [InlineData("والي", false)]
    public void Name_links_are_read_after_normalisation(string word, bool isLink)
    {
        Assert.Equal(isLink, ArabicForms.IsNameLink(ArabicForms.Normalize(word)));
    }
}
