using Marsad.Analysis.Places;

namespace Marsad.Tests.Places;

/// <summary>Resolution against the built-in gazetteer: context disambiguation, clitics, unknown names.</summary>
public sealed class GeocoderTests
{
    private static readonly Geocoder Geocoder = new(Gazetteer.BuiltIn);

    [Fact]
    public void Tripoli_in_a_libyan_story_is_the_libyan_capital()
    {
        var places = Geocoder.Resolve(["طرابلس", "بنغازي", "مصراتة"], "اشتباكات في طرابلس بعد هدوء في بنغازي ومصراتة");
        Assert.Equal("LY", places[0]!.Country);
        Assert.Equal(32.89, places[0]!.Latitude, 2);
    }

    [Fact]
    public void Tripoli_in_a_lebanese_story_is_the_northern_lebanese_city()
    {
        var places = Geocoder.Resolve(["طرابلس", "بيروت"], "انتقلت الاحتجاجات من بيروت إلى طرابلس");
        Assert.Equal("LB", places[0]!.Country);
        Assert.Equal(34.44, places[0]!.Latitude, 2);
    }

    [Fact]
    public void A_demonym_in_the_text_is_context_too()
    {
        var places = Geocoder.Resolve(["طرابلس"], "قال الجيش اللبناني إن الوضع في طرابلس هادئ");
        Assert.Equal("LB", places[0]!.Country);
    }

    [Fact]
    public void Without_context_the_more_important_place_wins()
    {
        var places = Geocoder.Resolve(["طرابلس", "تونس", "البيضاء"]);
        Assert.Equal(("LY", PlaceKind.Capital), (places[0]!.Country, places[0]!.Kind));
        Assert.Equal(PlaceKind.Country, places[1]!.Kind); // the country, not its capital
        Assert.Equal("LY", places[2]!.Country); // the larger of the Libyan and Yemeni towns
    }

    [Theory]
    [InlineData("وبنغازي", "بنغازي")]
    [InlineData("لبنغازي", "بنغازي")]
    [InlineData("ببنغازي", "بنغازي")]
    [InlineData("وأبو ظبي", "أبو ظبي")]
    [InlineData("ابوظبي", "أبو ظبي")]
    [InlineData("للقاهرة", "القاهرة")]
    [InlineData("درنه", "درنة")]
    [InlineData("والشرق الليبي", "الشرق الليبي")]
    public void Proclitics_and_spelling_variants_resolve(string text, string name)
    {
        Assert.Equal(name, Geocoder.Resolve([text])[0]?.Name);
    }

    [Fact]
    public void Unknown_places_stay_unresolved()
    {
        var places = Geocoder.Resolve(["وادي الزمرد البعيد", "بنغازي"], "وصل الوفد من بنغازي إلى وادي الزمرد البعيد");
        Assert.Null(places[0]);
        Assert.NotNull(places[1]);
    }

    [Fact]
    public void Multi_word_names_are_found_in_text_without_their_proclitic()
    {
        const string text = "دعم من القاهرة وأبو ظبي لقوات في الشرق الليبي";
        var spans = Geocoder.FindMultiWordNames(text).Select(s => text[s.Start..s.End]).ToList();
        Assert.Equal(["أبو ظبي", "الشرق الليبي"], spans);
    }

    [Fact]
    public void Demonyms_map_to_their_country_in_all_forms()
    {
        foreach (var form in new[] { "مصري", "مصرية", "المصري", "المصرية", "المصريين", "والمصريون" })
            Assert.Equal("EG", Gazetteer.BuiltIn.DemonymCountry(form));
        Assert.Equal("LY", Gazetteer.BuiltIn.DemonymCountry("الليبية"));
        Assert.Null(Gazetteer.BuiltIn.DemonymCountry("مالية"));
    }
}
