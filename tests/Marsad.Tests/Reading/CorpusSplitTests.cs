using Marsad.Analysis.Reading;

namespace Marsad.Tests.Reading;

public sealed class CorpusSplitTests
{
    [Fact]
    public void Reads_rows_relative_to_the_news_root_beside_the_splits_folder()
    {
        using var folder = new TempFolder();
        folder.Write("news/src/culture/1.txt", Samples.PlainArticle("13/02/2018"));
        folder.Write("news/src/sport/2.txt", $"{Samples.SecondTitle}\n\n{Samples.SecondBody}");
        var split = folder.Write("splits/train.tsv", "path\tcategory\nsrc/culture/1.txt\tculture\nsrc/sport/2.txt\tsport\n");

        var rows = CorpusSplit.Read(split).ToList();

        Assert.Equal(Path.Combine(folder.Root, "news"), CorpusSplit.ResolveNewsRoot(split));
        Assert.Equal(["culture", "sport"], rows.Select(r => r.Label));
        Assert.Equal(Samples.SecondTitle, rows[1].Article.Title);
    }

    [Fact]
    public void A_missing_article_stops_the_split_with_its_line()
    {
        using var folder = new TempFolder();
        var split = folder.Write("splits/dev.tsv", "path\tcategory\nsrc/none.txt\tculture\n");

        var e = Assert.Throws<InvalidDataException>(() => CorpusSplit.Read(split).ToList());

        Assert.Contains("dev.tsv:2", e.Message);
        Assert.Contains("no such file", e.Message);
    }

    [Fact]
    public void Paths_may_not_leave_the_news_root()
    {
        using var folder = new TempFolder();
        var split = folder.Write("splits/x.tsv", "path\tcategory\n../secret.txt\tculture\n");

        Assert.Throws<InvalidDataException>(() => CorpusSplit.ReadRows(split).ToList());
    }
}
