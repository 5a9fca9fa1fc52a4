using System.Text;
using System.Text.Json;
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

    [Fact]
    public void A_killing_verb_without_an_object_is_passive_even_after_armed_men()
    {
        var bombing = Assert.Single(Events("قال مصدر إن ثلاثة من رجال الشرطة قتلوا في انفجار عبوة ناسفة في المدينة"), e => e.Plover == "ASSAULT");
        Assert.Equal("COP", bombing.Target?.Agent);
        Assert.Null(bombing.Actor);
    }

    [Fact]
    public void The_killed_are_the_target_before_the_wounded_of_a_coordinated_clause()
    {
        var attack = Assert.Single(Events("قتل جنديان وأصيب خمسة مدنيين بجروح في هجوم انتحاري بسيارة مفخخة"), e => e.Plover == "ASSAULT");
        Assert.Equal("جنديان", attack.Target?.Text);
    }

    [Fact]
    public void The_victims_are_the_whole_a_subset_word_takes_a_part_of()
    {
        var strike = Assert.Single(Events("ثمانية أشخاص، بينهم طفلان، قتلوا في غارة جوية على القرية"), e => e.Plover == "ASSAULT");
        Assert.Equal("أشخاص", strike.Target?.Text);
    }

    [Fact]
    public void A_role_noun_with_a_possessive_pronoun_belongs_to_the_actor_before_it()
    {
        var bombing = Assert.Single(Events("أعلن الجيش الأميركي مقتل اثنين من جنوده في انفجار عبوة ناسفة"), e => e.Plover == "ASSAULT");
        Assert.Equal("جنوده", bombing.Target?.Text);
        Assert.Equal("US", bombing.Target?.Country);
    }

    [Fact]
    public void A_by_phrase_names_the_doer_of_a_passive_killing()
    {
        var killing = Assert.Single(Events("قتل شرطي على يد مسلحين مجهولين في المدينة"), e => e.Plover == "ASSAULT");
        Assert.Equal("مسلحين مجهولين", killing.Actor?.Text);
        Assert.False(killing.Actor!.Inferred);
        Assert.Equal("شرطي", killing.Target?.Text);
    }

    [Fact]
    public void Armed_men_after_khataf_are_its_subject_when_an_accusative_object_follows()
    {
        var abduction = Assert.Single(Events("خطف مسلحون مهندسا في المدينة"), e => e.Plover == "ASSAULT");
        Assert.Equal("مسلحون", abduction.Actor?.Text);
        Assert.Equal("مهندسا", abduction.Target?.Text);
    }

    [Theory]
    [InlineData("نفذت الطائرات غارات جوية على المنطقة مستهدفة مقاتلي حركة الشباب")]
    [InlineData("قال التحالف إن الطائرات نفذت ضربات جوية مشيرا الى انها استهدفت مقاتلي حركة الشباب")]
    public void What_an_attack_aimed_at_is_its_target(string sentence)
    {
        var strike = Assert.Single(Events(sentence), e => e.Plover == "ASSAULT");
        Assert.StartsWith("مقاتلي", strike.Target?.Text);
    }

    [Fact]
    public void A_nationality_adjective_after_a_light_verb_is_the_actor()
    {
        var shelling = Assert.Single(Events("قامت دبابة إسرائيلية بقصف منزل في غزة"), e => e.Plover == "ASSAULT");
        Assert.Equal("IL", shelling.Actor?.Country);
    }

    [Fact]
    public void Casualties_after_a_contrastive_clause_belong_to_another_event()
    {
        var abduction = Events("خطفت الحركة حاكم الإقليم، فيما قتل خمسة مدنيين في انفجار في مدينة أخرى").Find(e => e.Type.StartsWith("abduction"));
        Assert.NotNull(abduction);
        Assert.Equal("حاكم", abduction!.Target?.Text);
    }

    [Fact]
    public void A_place_name_is_not_an_off_topic_word()
    {
        // كابل can be read as ك + آبل (Apple), a technology word.
        Assert.Contains(Events("استهدفت طائرات أميركية قافلة للمسلحين قرب كابل"), e => e.Plover == "ASSAULT");
    }

    [Theory]
    [InlineData("اغتيل رجل الدين الشيعي الشيخ علي حسن برصاص مجهولين")]
    [InlineData("اغتال مسلحون رجل الدين الشيعي الشيخ علي حسن في المدينة")]
    public void A_role_and_its_titles_name_the_person_after_them(string sentence)
    {
        var assassination = Assert.Single(Events(sentence), e => e.Plover == "ASSAULT");
        Assert.StartsWith("رجل الدين", assassination.Target?.Text);
        Assert.Contains("علي حسن", assassination.Target!.Name);
    }

    [Fact]
    public async Task An_article_reads_the_same_whatever_was_read_before_it_on_the_thread()
    {
        // The coder keeps its words per thread: a longer article grows them, and nothing of one article may reach the next.
        const string shortArticle = "اغتيل النائب برصاص مجهولين. وتظاهر آلاف الطلاب أمام مقر الحكومة";
        var longArticle = string.Join(" ", Enumerable.Repeat("قتل 12 شخصا وأصيب 30 آخرون بجروح في تفجير سيارة مفخخة في سوق شعبي.", 40));
        // A thread of its own, so that the short article comes first and the long one has to grow the words.
        var readings = await Task.Factory.StartNew(
            () => (Short: Json(Events(shortArticle)), Long: Json(Events(longArticle)), ShortAgain: Json(Events(shortArticle)), LongAgain: Json(Events(longArticle))),
            TaskCreationOptions.LongRunning);
        Assert.NotEqual("[]", readings.Short);
        Assert.Equal(readings.Short, readings.ShortAgain);
        Assert.Equal(readings.Long, readings.LongAgain);
    }

    private static string Json(List<EventMention> events)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var mention in events) EventJsonWriter.Write(writer, mention, null);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
