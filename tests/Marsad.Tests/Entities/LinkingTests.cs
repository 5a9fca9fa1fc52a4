using Marsad.Analysis;
using Marsad.Analysis.Linking;
using Marsad.Analysis.Places;

namespace Marsad.Tests.Entities;

/// <summary>
/// Entity linking on hand-written Arabic with hand-placed mentions, so the outcome depends on the linker only
/// (not on what the NER model happens to tag).
/// </summary>
public sealed class LinkingTests
{
    private static readonly EntityLinker Linker = new(new Geocoder(Gazetteer.BuiltIn));

    [Fact]
    public void Partial_and_clitic_forms_join_the_full_name()
    {
        const string body = "التقى عبد الفتاح السيسي خليفة حفتر في القاهرة. وقال السيسي إن دعم مصر لحفتر مستمر، وأكد حفتر ذلك.";
        var document = Link(body, ("PERS", "عبد الفتاح السيسي", 0), ("PERS", "خليفة حفتر", 0), ("LOC", "القاهرة", 0),
            ("PERS", "السيسي", 1), ("LOC", "مصر", 0), ("PERS", "لحفتر", 0), ("PERS", "حفتر", 2));
        var sisi = Entity(document, "عبد الفتاح السيسي");
        Assert.Equal(["عبد الفتاح السيسي", "السيسي"], sisi.Aliases);
        var haftar = Entity(document, "خليفة حفتر");
        Assert.Equal(["خليفة حفتر", "لحفتر", "حفتر"], haftar.Aliases);
        Assert.Equal(3, haftar.Mentions);
        Assert.All(document.Entities, m => Assert.NotNull(m.EntityId));
        Assert.Equal(EntityIds.Create("PERS", "خليفه حفتر"), haftar.Id);
    }

    [Fact]
    public void A_partial_name_shared_by_two_full_names_stays_apart()
    {
        const string body = "اجتمع محمد صالح مع محمد علي، ثم غادر محمد القاعة.";
        var document = Link(body, ("PERS", "محمد صالح", 0), ("PERS", "محمد علي", 0), ("PERS", "محمد", 2));
        Assert.Equal(3, document.LinkedEntities.Count(e => e.Type == "PERS"));
    }

    [Fact]
    public void A_role_phrase_before_one_person_links_its_later_bare_uses()
    {
        const string body = "أعلن اللواء المتقاعد خليفة حفتر بدء العملية، وقالت قوات اللواء المتقاعد إنها تقدمت نحو المدينة.";
        var document = Link(body, ("PERS", "خليفة حفتر", 0));
        var haftar = Entity(document, "خليفة حفتر");
        Assert.Equal(["خليفة حفتر", "اللواء المتقاعد"], haftar.Aliases);
        var role = document.Entities.Single(m => m.Text == "اللواء المتقاعد");
        Assert.Equal(body.LastIndexOf("اللواء المتقاعد", StringComparison.Ordinal), role.Start);
        Assert.Equal(haftar.Id, role.EntityId);
    }

    [Fact]
    public void A_role_phrase_before_two_people_links_to_neither()
    {
        const string body = "استقبل الرئيس عبد الفتاح السيسي الرئيس عبد المجيد تبون، ثم قال الرئيس إن المحادثات مثمرة.";
        var document = Link(body, ("PERS", "عبد الفتاح السيسي", 0), ("PERS", "عبد المجيد تبون", 0));
        Assert.Equal(2, document.Entities.Count);
        Assert.Equal(2, document.LinkedEntities.Count);
    }

    [Fact]
    public void Demonyms_after_actor_nouns_link_to_the_country()
    {
        const string body = "شاركت قوات مصرية في العملية بإشراف مصري، بينما بقي الطقس مصريا بامتياز.";
        var document = Link(body);
        var egypt = Assert.Single(document.LinkedEntities);
        Assert.Equal(("LOC", "مصر", "EG", 2), (egypt.Type, egypt.Name, egypt.Place!.Country, egypt.Mentions));
        Assert.Equal(EntityIds.Create("LOC", "مصر|EG"), egypt.Id);
    }

    [Fact]
    public void Homonymous_places_in_different_countries_are_different_entities()
    {
        var libya = Link("وصل الوفد إلى طرابلس قادما من بنغازي.", ("LOC", "طرابلس", 0), ("LOC", "بنغازي", 0));
        var lebanon = Link("وصل الوفد إلى طرابلس قادما من بيروت.", ("LOC", "طرابلس", 0), ("LOC", "بيروت", 0));
        Assert.NotEqual(libya.Entities[0].EntityId, lebanon.Entities[0].EntityId);
        Assert.Equal(libya.Entities[0].EntityId, Link("طرابلس عاصمة ليبيا", ("LOC", "طرابلس", 0), ("LOC", "ليبيا", 0)).Entities[0].EntityId);
    }

    [Fact]
    public void Unknown_places_get_an_entity_but_no_coordinates()
    {
        var document = Link("وصلت القافلة إلى وادي الزمرد البعيد.", ("LOC", "وادي الزمرد البعيد", 0));
        var entity = Assert.Single(document.LinkedEntities);
        Assert.Null(entity.Place);
        Assert.DoesNotContain("\"places\":[{", DocumentJsonWriter.ToJson(document));
    }

    /// <summary>Places the given mentions (type, text, which occurrence) in the body and links them.</summary>
    private static Document Link(string body, params (string Type, string Text, int Occurrence)[] mentions)
    {
        var article = new Article("test", "عنوان", null, body, null, null, null, null, "test");
        var document = new Document(article);
        foreach (var (type, text, occurrence) in mentions)
        {
            var start = -1;
            for (var k = 0; k <= occurrence; k++) start = article.Body.IndexOf(text, start + 1, StringComparison.Ordinal);
            Assert.True(start >= 0, text);
            document.Entities.Add(new EntityMention(type, start, start + text.Length, text));
        }
        document.Entities.Sort((a, b) => a.Start.CompareTo(b.Start));
        Linker.Link(document);
        return document;
    }

    private static LinkedEntity Entity(Document document, string name) => document.LinkedEntities.Single(e => e.Name == name);
}
