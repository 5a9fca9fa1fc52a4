using System.Text.Json;
using Marsad.Analysis;
using Marsad.Analysis.Events;
using Marsad.Analysis.Reading;

namespace Marsad.Tests.Events;

/// <summary>The events the canonical article must yield, each with actor, target, place, date and modality.</summary>
public class SeedEventTests
{
    private static readonly Lazy<Document> Seed = new(() =>
    {
        var read = Assert.Single(ArticleReader.ReadPath(SharedData.Path("seed/000_3dfe98a37ea4deb2.txt")));
        return DefaultPipeline.Create().Run(read.Article!);
    });

    private static List<EventMention> Events => Seed.Value.Events;

    private static bool Names(EventParticipant? participant, string word) =>
        participant is not null && (participant.Name.Contains(word, StringComparison.Ordinal) || participant.Text.Contains(word, StringComparison.Ordinal));

    [Fact]
    public void Haftars_forces_shelling_western_Derna_occurred()
    {
        var shelling = Assert.Single(Events, e => e.Type == "shelling");
        Assert.Equal(EventModality.Occurred, shelling.Modality);
        Assert.True(Names(shelling.Actor, "حفتر"), shelling.Actor?.Name);
        Assert.Equal("درنة", shelling.Target?.Name);
        Assert.Equal("درنة", shelling.Place?.Name);
        Assert.Equal("LY", shelling.Place?.Country);
        Assert.Equal("ASSAULT", shelling.Plover);
        Assert.Equal("194", shelling.Cameo);
        Assert.Equal("Shelling/artillery/missile attack", shelling.AcledSubEventType);
    }

    [Fact]
    public void Planned_assault_on_Derna_under_Egyptian_supervision()
    {
        var planned = Events.FindAll(e => e.Plover == "ASSAULT" && e.Modality == EventModality.Planned && e.Target?.Name == "درنة");
        Assert.NotEmpty(planned);
        Assert.Contains(planned, e => e.Associates.Any(a => a.Name == "مصر" && a.Country == "EG"));
        Assert.All(planned, e => Assert.True(Names(e.Actor, "حفتر"), e.Actor?.Name));
    }

    [Fact]
    public void Siege_of_Derna_is_ongoing_since_about_two_years()
    {
        var siege = Assert.Single(Events, e => e.Type == "siege");
        Assert.Equal(EventModality.Ongoing, siege.Modality);
        Assert.Equal("درنة", siege.Target?.Name);
        Assert.Equal(EventDate.FromText, siege.Date?.Basis);
        Assert.Equal("منذ نحو عامين", siege.Date?.Text);
    }

    [Fact]
    public void Egyptian_air_strikes_on_Derna_killed_dozens_in_the_past()
    {
        var strike = Assert.Single(Events, e => e.Type == "airstrike" && e.Modality == EventModality.Occurred);
        Assert.Equal("مصر", strike.Actor?.Name);
        Assert.Equal("EGY", strike.Actor?.Code);
        Assert.Equal("درنة", strike.Target?.Name);
        Assert.Equal("درنة", strike.Place?.Name);
        Assert.Equal(EventDate.Before, strike.Date?.Basis);
        Assert.Equal(new DateOnly(2018, 2, 12), strike.Date?.To);
        Assert.NotNull(strike.Fatalities);
        Assert.True(strike.Fatalities!.Approximate);
        Assert.True(strike.Fatalities.Killed >= 30);
        Assert.Equal("Air/drone strike", strike.AcledSubEventType);
    }

    [Fact]
    public void Haftars_secret_visit_to_Cairo_at_the_end_of_last_week()
    {
        var visit = Assert.Single(Events, e => e.Type == "visit");
        Assert.Equal(EventModality.Occurred, visit.Modality);
        Assert.Equal("خليفة حفتر", visit.Actor?.Name);
        Assert.False(visit.Actor!.Inferred);
        Assert.Equal("القاهرة", visit.Place?.Name);
        Assert.Equal("2018-W06", visit.Date?.Value);
        Assert.Equal("CONSULT", visit.Plover);
    }

    [Fact]
    public void Shura_council_expelled_Islamic_State_fighters_from_Derna_in_April_2016()
    {
        var expulsion = Assert.Single(Events, e => e.Type == "expulsion" && e.Date?.Value == "2016-04");
        Assert.Equal(EventModality.Occurred, expulsion.Modality);
        Assert.Equal("مجلس شورى مجاهدي درنة", expulsion.Actor?.Name);
        Assert.True(Names(expulsion.Target, "تنظيم الدولة"), expulsion.Target?.Name);
        Assert.Equal("درنة", expulsion.Place?.Name);
    }

    [Fact]
    public void Council_accuses_Haftars_forces_alleged()
    {
        var accusation = Assert.Single(Events, e => e.Type == "accusation");
        Assert.Equal(EventModality.Alleged, accusation.Modality);
        Assert.True(Names(accusation.Actor, "مجلس شورى مجاهدي درنة"), accusation.Actor?.Name);
        Assert.True(Names(accusation.Target, "حفتر"), accusation.Target?.Name);
        Assert.Equal("ACCUSE", accusation.Plover);
    }

    [Fact]
    public void Every_event_carries_the_documented_fields_and_its_evidence()
    {
        var document = Seed.Value;
        using var json = JsonDocument.Parse(DocumentJsonWriter.ToJson(document));
        var events = json.RootElement.GetProperty("events");
        Assert.Equal(document.Events.Count, events.GetArrayLength());
        string[] keys = ["type", "cameo", "plover", "acled_event_type", "acled_sub_event_type", "actor", "target", "place", "date",
            "fatalities", "modality", "trigger", "sentence", "confidence"];
        foreach (var e in events.EnumerateArray())
        {
            foreach (var key in keys) Assert.True(e.TryGetProperty(key, out _), key);
            var trigger = e.GetProperty("trigger");
            var sentence = e.GetProperty("sentence");
            var start = trigger.GetProperty("start").GetInt32();
            var end = trigger.GetProperty("end").GetInt32();
            Assert.Equal(trigger.GetProperty("text").GetString(), document.Body[start..end]);
            Assert.InRange(start, sentence.GetProperty("start").GetInt32(), sentence.GetProperty("end").GetInt32());
            Assert.InRange(e.GetProperty("confidence").GetDouble(), 0, 1);
        }
    }
}
