using Marsad.Analysis.Keywords;
using Marsad.Analysis.Sentences;

namespace Marsad.Tests.Keywords;

/// <summary>Keyword extraction on a hand-written report, with made-up corpus statistics so the test stands alone.</summary>
public sealed class KeywordExtractorTests
{
    private const string Title = "فيضانات تغمر المدينة بإشراف الدفاع المدني";

    // المدينة comes with four different sets of clitics; إشراف مصري occurs twice with different proclitics.
    private const string Body =
        "ضربت الفيضانات المدينة الساحلية أمس. " +
        "وغمرت المياه أحياء والمدينة غارقة منذ الصباح. " +
        "وقال سكان إن السيول جرفت السيارات بالمدينة. " +
        "وتعهدت الحكومة بإرسال مساعدات للمدينة بإشراف مصري. " +
        "وبالمدينة أيضا تضررت المدارس والمستشفيات وبإشراف مصري بدأت أعمال الإصلاح. " +
        "وطالب السكان الحكومة بتعويضات عن الفيضانات.";

    /// <summary>A corpus in which the everyday words (أمس، سكان، الحكومة) are common and the rest rare.</summary>
    private static KeywordStatistics Statistics() => new(1000, new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["امس"] = 600,
        ["سكان"] = 300,
        ["حكوم"] = 500,
        ["قال"] = 800,
        ["ايض"] = 700,
    });

    private static IReadOnlyList<Keyword> Extract() =>
        new KeywordExtractor(Statistics()).Extract(Title, Body, SentenceSplitter.Default.Split(Body));

    [Fact]
    public void Clitic_variants_are_one_keyword_shown_with_the_article_but_without_attached_particles()
    {
        var texts = Extract().Select(k => k.Text).ToList();

        Assert.Contains("المدينة", texts);
        Assert.DoesNotContain("والمدينة", texts);
        Assert.DoesNotContain("بالمدينة", texts);
        Assert.DoesNotContain("للمدينة", texts);
        Assert.DoesNotContain("وبالمدينة", texts);
        Assert.Equal(texts.Count, texts.Distinct().Count());
    }

    [Fact]
    public void A_recurring_noun_adjective_phrase_is_a_keyword_without_its_proclitics()
    {
        var texts = Extract().Select(k => k.Text).ToList();

        Assert.Contains("إشراف مصري", texts);
        Assert.DoesNotContain("بإشراف مصري", texts);
    }

    [Fact]
    public void Keywords_are_five_to_ten_scored_best_first_relative_to_the_best()
    {
        var keywords = Extract();

        Assert.InRange(keywords.Count, 5, 10);
        Assert.Equal(1.0, keywords[0].Score);
        Assert.Equal(keywords.OrderByDescending(k => k.Score).Select(k => k.Score), keywords.Select(k => k.Score));
        Assert.All(keywords, k => Assert.InRange(k.Score, 0.0, 1.0));
    }

    [Fact]
    public void Stop_words_and_sentence_breaks_are_never_inside_a_phrase()
    {
        var keywords = Extract();

        Assert.DoesNotContain(keywords, k => k.Text.Split(' ').Any(w => w is "في" or "منذ" or "عن" or "إن"));
        // "أمس" ends one sentence and "وغمرت" starts the next: no phrase spans them.
        Assert.DoesNotContain(keywords, k => k.Text.Contains("أمس غمرت", StringComparison.Ordinal));
    }

    [Fact]
    public void Statistics_round_trip_and_count_each_article_once()
    {
        using var stream = new MemoryStream();
        var built = KeywordStatistics.Build(["المدينة والمدينة بالمدينة", "المدينة الساحلية", "الساحلية"], stream, maxStems: 10);
        stream.Position = 0;

        var loaded = KeywordStatistics.Load(stream);

        Assert.Equal(3, loaded.Documents);
        Assert.Equal(2, loaded.DocumentFrequency("مدين"));
        Assert.Equal(built.DocumentFrequency("مدين"), loaded.DocumentFrequency("مدين"));
        Assert.True(loaded.Idf("نادر") > loaded.Idf("مدين"));
    }
}
