using Marsad.Analysis.Components;
using Marsad.Analysis.Entities;

namespace Marsad.Tests.Entities;

/// <summary>Document-level gap filling after tagging, and the lexicon's merge over the model's spans.</summary>
public sealed class LabelPropagationTests
{
    private const int O = 0, BPers = 1, IPers = 2, BLoc = 3, BOrg = 5;

    [Fact]
    public void A_name_left_untagged_takes_the_type_it_has_elsewhere()
    {
        uint[][] keys = [[10, 11, 12], [20, 11, 12, 21], [30, 11]];
        int[][] labels = [[O, BPers, IPers], [O, O, O, O], [O, BPers]];

        LabelPropagation.Apply(keys, labels, window: 5);

        Assert.Equal([O, BPers, IPers, O], labels[1]);
        Assert.Equal([O, BPers], labels[2]);
    }

    [Fact]
    public void A_word_mostly_left_outside_names_stays_outside()
    {
        uint[][] keys = [[10, 11], [11, 20], [11, 21], [22, 11]];
        int[][] labels = [[O, BLoc], [O, O], [O, O], [O, O]];

        LabelPropagation.Apply(keys, labels, window: 5);

        Assert.Equal([O, O], labels[1]);
        Assert.Equal([O, O], labels[3]);
    }

    [Fact]
    public void Far_sentences_do_not_vote()
    {
        uint[][] keys = [[10, 11], [1], [2], [3], [20, 11]];
        int[][] labels = [[O, BOrg], [O], [O], [O], [O, O]];

        LabelPropagation.Apply(keys, labels, window: 2);

        Assert.Equal([O, O], labels[4]);
    }

    [Fact]
    public void A_known_name_replaces_the_spans_inside_it_and_yields_to_a_longer_one()
    {
        var sisi = new KnownEntity("PERS", "عبد الفتاح السيسي");
        var council = new KnownEntity("ORG", "مجلس شورى ثوار بنغازي");
        List<(string, int, int)> model = [("LOC", 5, 6), ("PERS", 8, 11)];
        List<KnownEntityMatch> matches = [new(2, 6, council), new(9, 10, sisi), new(12, 13, sisi)];

        var merged = EntityComponent.Merge(model, matches);

        Assert.Equal(
        [
            ("ORG", 2, 6, "مجلس شورى ثوار بنغازي"),
            ("PERS", 8, 11, null),
            ("PERS", 12, 13, "عبد الفتاح السيسي"),
        ], merged);
    }
}
