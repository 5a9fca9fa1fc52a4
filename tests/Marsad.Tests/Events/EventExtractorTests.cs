using Marsad.Analysis;
using Marsad.Analysis.Events;

namespace Marsad.Tests.Events;

/// <summary>The reading rules of the event coder on sentences the team wrote: modality cues, roles, casualties, context.</summary>
public class EventExtractorTests
{
    private static readonly AnalysisPipeline Pipeline = DefaultPipeline.Create();

    private static List<EventMention> Events(string body) =>
        Pipeline.Run(new Article("t", "", new DateOnly(2020, 5, 10), body, null, null, null, null, "test")).Events;

    [Theory]
    [InlineData("نفى الجيش قصف المدينة بالمدفعية الثقيلة", EventModality.Denied)]
    [InlineData("هدد قائد الميليشيا باقتحام المدينة خلال أيام", EventModality.Threatened)]
    [InlineData("تتواصل الاشتباكات بين الجيش والمسلحين في المدينة منذ أسبوع", EventModality.Ongoing)]
    [InlineData("تستعد القوات لاقتحام المدينة بعد حصار طويل", EventModality.Planned)]
    [InlineData("اتهمت الحكومة المتمردين بقصف الأحياء السكنية", EventModality.Alleged)]
    [InlineData("قتل مسلحون خمسة جنود في هجوم على حاجز للجيش أمس", EventModality.Occurred)]
    public void Cue_words_set_the_modality_of_the_assault(string sentence, EventModality expected)
    {
        var assault = Events(sentence).Find(e => e.Plover == "ASSAULT");
        Assert.NotNull(assault);
        Assert.Equal(expected, assault!.Modality);
    }

    [Fact]
    public void Numbers_of_dead_and_the_victims_they_count_are_read()
    {
        var assault = Assert.Single(Events("قتل 12 شخصا وأصيب 30 آخرون بجروح في تفجير سيارة مفخخة في سوق شعبي"), e => e.Plover == "ASSAULT");
        Assert.Equal(12, assault.Fatalities?.Killed);
        Assert.Equal(30, assault.Fatalities?.Injured);
        Assert.False(assault.Fatalities!.Approximate);
        Assert.Equal("شخصا", assault.Target?.Text);
    }

    [Fact]
    public void A_passive_assassination_names_who_underwent_it_and_the_gunmen_who_did_it()
    {
        var killing = Assert.Single(Events("اغتيل النائب برصاص مجهولين"), e => e.Plover == "ASSAULT");
        Assert.Equal("assassination", killing.Type);
        Assert.Equal("النائب", killing.Target?.Text);
        Assert.Equal("مجهولين", killing.Actor?.Text);
        Assert.False(killing.Actor!.Inferred);
    }

    [Fact]
    public void Subject_of_a_verb_of_undergoing_is_the_target()
    {
        var attack = Assert.Single(Events("تعرضت دورية للشرطة لهجوم مسلح قرب الحدود"), e => e.Plover == "ASSAULT");
        Assert.StartsWith("دورية", attack.Target?.Text);
        Assert.Equal("COP", attack.Target?.Agent);
    }

    [Fact]
    public void Protesters_are_the_actor_and_what_they_protest_against_the_target()
    {
        var protest = Events("تظاهر آلاف الطلاب أمام مقر الحكومة احتجاجا على رفع الأسعار").Find(e => e.Plover == "PROTEST");
        Assert.NotNull(protest);
        Assert.Equal("الطلاب", protest!.Actor?.Text);
        Assert.Equal("CVL", protest.Actor?.Agent);
    }

    [Theory]
    [InlineData("سجل مهاجم الفريق هدفا رائعا بعد هجوم سريع في الدقيقة الأخيرة من المباراة")]
    [InlineData("فجر اللاعب مفاجأة كبيرة في البطولة وفاز على المصنف الأول")]
    [InlineData("أطلقت الشركة هاتفها الجديد في معرض التقنية وسط اهتمام كبير")]
    [InlineData("لقي ثلاثة أشخاص مصرعهم في حادث سير على الطريق السريع")]
    [InlineData("نجح الفريق في السيطرة على مجريات اللعب في الشوط الثاني")]
    public void Sport_technology_and_accidents_yield_no_assault_or_protest(string sentence)
    {
        Assert.DoesNotContain(Events(sentence), e => e.Plover is "ASSAULT" or "PROTEST");
    }

    [Fact]
    public void Two_words_for_one_fight_in_a_sentence_are_one_event()
    {
        var fights = Events("اندلعت معارك عنيفة واشتباكات ضارية بين الجيش والمسلحين في المدينة").FindAll(e => e.Plover == "ASSAULT");
        Assert.Single(fights);
    }
}
