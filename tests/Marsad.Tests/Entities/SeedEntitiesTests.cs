using Marsad.Analysis;
using Marsad.Analysis.Reading;

namespace Marsad.Tests.Entities;

/// <summary>The canonical article's people and organisations through the default pipeline (places: SeedPlacesTests).</summary>
public sealed class SeedEntitiesTests
{
    private static readonly Lazy<Document> Seed = new(() =>
    {
        var read = ArticleReader.ReadPath(SharedData.Path("seed/000_3dfe98a37ea4deb2.txt")).Single();
        return DefaultPipeline.Create().Run(read.Article!);
    });

    [Fact]
    public void The_people_are_haftar_once_and_sisi()
    {
        var people = Seed.Value.LinkedEntities.Where(e => e.Type == "PERS").Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "خليفة حفتر", "عبد الفتاح السيسي" }.Order(StringComparer.Ordinal), people);
        var haftar = Seed.Value.LinkedEntities.Single(e => e.Name == "خليفة حفتر");
        Assert.Contains("حفتر", haftar.Aliases);
        Assert.Contains("اللواء المتقاعد", haftar.Aliases);
        var sisi = Seed.Value.LinkedEntities.Single(e => e.Name == "عبد الفتاح السيسي");
        Assert.Contains("السيسي", sisi.Aliases);
    }

    [Theory]
    [InlineData("مجلس شورى مجاهدي درنة", "مجلس شورى مجاهدي درنة")]
    [InlineData("مجلس شورى ثوار بنغازي", "مجلس شورى ثوار بنغازي")]
    [InlineData("تنظيم الدولة الإسلامية", "تنظيم الدولة")]
    public void The_organisations_are_found_and_named(string name, string alias)
    {
        var org = Seed.Value.LinkedEntities.Single(e => e.Type == "ORG" && e.Name == name);
        Assert.Contains(alias, org.Aliases);
        Assert.All(Seed.Value.Entities.Where(m => m.EntityId == org.Id), m => Assert.Equal("ORG", m.Type));
    }

    [Fact]
    public void Islamic_state_is_one_entity_for_both_mentions()
    {
        var org = Seed.Value.LinkedEntities.Single(e => e.Name == "تنظيم الدولة الإسلامية");
        Assert.Equal(2, org.Mentions);
    }
}
