using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Analysis.Summaries;

namespace Marsad.Tests.Keywords;

/// <summary>Keywords and summary of the canonical article through the default pipeline.</summary>
public sealed class SeedKeywordSummaryTests
{
    private static Document AnalyseSeed()
    {
        var read = Assert.Single(ArticleReader.ReadPath(SharedData.Path("seed/000_3dfe98a37ea4deb2.txt")));
        return DefaultPipeline.Create().Run(read.Article!);
    }

    [Fact]
    public void Seed_keywords_name_the_city_and_the_commander()
    {
        var document = AnalyseSeed();
        var texts = document.Keywords.Select(k => k.Text).ToList();

        Assert.InRange(texts.Count, 5, 10);
        Assert.Contains("درنة", texts);
        Assert.Contains("حفتر", texts);
        Assert.Contains("اقتحام درنة", texts);
    }

    [Fact]
    public void Seed_summary_has_three_sentences_in_order()
    {
        var document = AnalyseSeed();
        var summary = Assert.IsType<Summary>(document.Summary);

        Assert.Equal(3, summary.Sentences.Count);
        Assert.Equal(summary.Sentences.Order(), summary.Sentences);
        Assert.All(summary.Sentences, i => Assert.InRange(i, 0, document.Sentences.Count - 1));
        Assert.Contains(document.Sentences[summary.Sentences[0]].Text(document.Body).Trim(), summary.Text, StringComparison.Ordinal);
    }
}
