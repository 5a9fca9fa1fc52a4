using Marsad.Analysis.Events;

namespace Marsad.Tests.Events;

public class EventLexiconTests
{
    [Fact]
    public void Built_in_lexicon_loads_with_triggers_of_every_PLOVER_category_it_promises()
    {
        var lexicon = EventLexicon.BuiltIn;
        Assert.True(lexicon.TriggerCount > 300, $"{lexicon.TriggerCount} trigger forms");
        Assert.Equal("EGY", lexicon.Iso3("EG"));
        Assert.Null(lexicon.Iso3("XX"));
    }

    [Fact]
    public void A_bad_line_is_reported_with_its_source_and_line_number()
    {
        var e = Assert.Throws<FormatException>(() => EventLexicon.Parse(["# comment", "trigger\tx\t190\tnot-a-key\tactor\t-\t0.5\toccurred\tهجوم"], "my.tsv"));
        Assert.StartsWith("my.tsv:2:", e.Message);
        e = Assert.Throws<FormatException>(() => EventLexicon.Parse(["bogus\tx"], "my.tsv"));
        Assert.Contains("unknown entry kind", e.Message);
    }

    [Fact]
    public void Imported_lines_extend_the_built_in_lexicon_from_a_data_folder()
    {
        var folder = Directory.CreateTempSubdirectory("marsad-lexicon-").FullName;
        try
        {
            Assert.Same(EventLexicon.BuiltIn, EventLexicon.Load(folder));
            File.WriteAllLines(Path.Combine(folder, EventLexicon.ImportedFileName), ["trigger\tblockade_sea\t191\tother\ttarget\t-\t0.9\toccurred\tحصار بحري"]);
            var extended = EventLexicon.Load(folder);
            Assert.Equal(EventLexicon.BuiltIn.TriggerCount + 1, extended.TriggerCount);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("190", "ASSAULT")]
    [InlineData("1831", "ASSAULT")]
    [InlineData("191", "COERCE")]
    [InlineData("141", "PROTEST")]
    [InlineData("042", "CONSULT")]
    [InlineData("0874", "RETREAT")]
    [InlineData("010", null)]
    public void PLOVER_follows_from_the_CAMEO_code(string cameo, string? plover) => Assert.Equal(plover, EventCoding.Plover(cameo));
}
