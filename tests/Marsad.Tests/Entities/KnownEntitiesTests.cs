using Marsad.Analysis.Entities;
using Marsad.Analysis.Places;

namespace Marsad.Tests.Entities;

/// <summary>The team's known-entity lexicon: parsing, matching in tokens, place patterns, soft names.</summary>
public sealed class KnownEntitiesTests
{
    private static readonly KnownEntities Lexicon = KnownEntities.Parse(
    [
        "# comment",
        "PERS\tعبد الفتاح السيسي\tالسيسي|عبدالفتاح السيسي",
        "ORG\tتنظيم الدولة الإسلامية\tتنظيم الدولة|داعش|~الدولة الإسلامية",
        "ORG\tتنظيم القاعدة\t~القاعدة",
        "ORG\tمجلس شورى ثوار {مكان}",
    ]);

    private static List<KnownEntityMatch> Match(string text) =>
        Lexicon.Match(text.Split(' '), name => Gazetteer.BuiltIn.Find(name).Count > 0);

    [Fact]
    public void Aliases_match_with_a_proclitic_and_carry_the_canonical_name()
    {
        var matches = Match("قال السيسي إن مصر تدعم والسيسي يرفض");
        Assert.Equal([(1, 2), (5, 6)], matches.Select(m => (m.Start, m.End)));
        Assert.All(matches, m => Assert.Equal(new KnownEntity("PERS", "عبد الفتاح السيسي"), m.Entity));
    }

    [Fact]
    public void The_longest_name_wins()
    {
        var match = Assert.Single(Match("هاجم مقاتلو تنظيم الدولة المدينة"));
        Assert.Equal((2, 4, "تنظيم الدولة الإسلامية"), (match.Start, match.End, match.Entity.Canonical));
        Assert.Equal((0, 3), (Match("عبد الفتاح السيسي")[0].Start, Match("عبد الفتاح السيسي")[0].End));
    }

    [Fact]
    public void Soft_names_are_features_only()
    {
        Assert.Empty(Match("عادت الطائرات إلى القاعدة الجوية"));
        Assert.Empty(Match("أعلنت الدولة الإسلامية"));
        Assert.Contains(("ORG", "القاعدة"), Lexicon.FeatureNames);
        Assert.Contains(("ORG", "تنظيم الدولة الإسلامية"), Lexicon.FeatureNames);
    }

    [Fact]
    public void A_pattern_takes_a_known_place_in_its_slot()
    {
        var match = Assert.Single(Match("قاتل مجلس شورى ثوار بنغازي طويلا"));
        Assert.Equal((1, 5, "ORG", "مجلس شورى ثوار بنغازي"), (match.Start, match.End, match.Entity.Type, match.Entity.Canonical));
        Assert.Empty(Match("قاتل مجلس شورى ثوار طويلا"));
    }

    [Fact]
    public void The_shipped_lexicon_knows_the_seed_actors()
    {
        var lexicon = KnownEntities.Default;
        Assert.True(lexicon.Count > 100);
        var tokens = "تخفيف الضغط على السيسي ومقاتلي تنظيم الدولة أمام مجلس شورى مجاهدي درنة".Split(' ');
        var found = lexicon.Match(tokens, name => Gazetteer.BuiltIn.Find(name).Count > 0).Select(m => (m.Entity.Type, m.Entity.Canonical)).ToList();
        Assert.Equal([("PERS", "عبد الفتاح السيسي"), ("ORG", "تنظيم الدولة الإسلامية"), ("ORG", "مجلس شورى مجاهدي درنة")], found);
    }
}
