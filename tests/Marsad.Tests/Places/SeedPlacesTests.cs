using System.Text.Json;
using Marsad.Analysis;
using Marsad.Analysis.Reading;

namespace Marsad.Tests.Places;

/// <summary>The canonical article through the default pipeline: Haftar as one entity, its places on the map.</summary>
public sealed class SeedPlacesTests
{
    // Generous boxes (south, west, north, east): enough to tell the countries of the story apart.
    private static readonly Dictionary<string, (double S, double W, double N, double E)> Boxes = new()
    {
        ["LY"] = (19.5, 9.3, 33.2, 25.2),
        ["EG"] = (22.0, 24.7, 31.7, 36.9),
        ["AE"] = (22.6, 51.5, 26.1, 56.4),
    };

    private static readonly Lazy<Document> Seed = new(() =>
    {
        var read = ArticleReader.ReadPath(SharedData.Path("seed/000_3dfe98a37ea4deb2.txt")).Single();
        return DefaultPipeline.Create().Run(read.Article!);
    });

    [Fact]
    public void Haftar_is_one_entity_with_his_aliases()
    {
        var haftar = Seed.Value.LinkedEntities.Single(e => e.Type == "PERS" && e.Name == "خليفة حفتر");
        Assert.Contains("حفتر", haftar.Aliases);
        Assert.Contains("اللواء المتقاعد", haftar.Aliases);
        Assert.True(haftar.Mentions >= 10, $"{haftar.Mentions} mentions");
        Assert.All(Seed.Value.Entities.Where(m => m.Text.Contains("حفتر") || m.Text == "اللواء المتقاعد"), m => Assert.Equal(haftar.Id, m.EntityId));
        Assert.Single(Seed.Value.LinkedEntities, e => e.Type == "PERS" && e.Aliases.Any(a => a.Contains("حفتر")));
    }

    [Theory]
    [InlineData("درنة", "LY")]
    [InlineData("بنغازي", "LY")]
    [InlineData("سرت", "LY")]
    [InlineData("ليبيا", "LY")]
    [InlineData("الشرق الليبي", "LY")]
    [InlineData("القاهرة", "EG")]
    [InlineData("سيناء", "EG")]
    [InlineData("أبو ظبي", "AE")]
    public void Places_have_coordinates_inside_their_country(string name, string country)
    {
        var place = Seed.Value.LinkedEntities.Single(e => e.Place?.Name == name).Place!;
        Assert.Equal(country, place.Country);
        var (s, w, n, e) = Boxes[country];
        Assert.InRange(place.Latitude, s, n);
        Assert.InRange(place.Longitude, w, e);
    }

    [Fact]
    public void Derna_is_where_the_story_says_and_the_json_lists_it()
    {
        using var json = JsonDocument.Parse(DocumentJsonWriter.ToJson(Seed.Value));
        var places = json.RootElement.GetProperty("places").EnumerateArray().ToList();
        var derna = places.Single(p => p.GetProperty("name").GetString() == "درنة");
        Assert.Equal(32.8, derna.GetProperty("lat").GetDouble(), 0.1);
        Assert.Equal(22.6, derna.GetProperty("lon").GetDouble(), 0.1);
        Assert.True(derna.GetProperty("mentions").GetInt32() >= 8);
        var id = derna.GetProperty("entityId").GetString();
        Assert.All(json.RootElement.GetProperty("entities").EnumerateArray().Where(m => m.GetProperty("text").GetString() == "درنة"),
            m => Assert.Equal(id, m.GetProperty("entityId").GetString()));
    }
}
