using Marsad.Analysis.Reading;

namespace Marsad.Analysis.Topics;

/// <summary>Loads a labelled split (see <see cref="CorpusSplit"/>) as topic examples, keeping the outlet as the source.</summary>
public static class TopicCorpus
{
    /// <summary>Reads a split whose news root is <c>../news</c> beside the splits folder.</summary>
    public static IReadOnlyList<LabeledText> LoadSplit(string splitFile) =>
        LoadSplit(splitFile, CorpusSplit.ResolveNewsRoot(splitFile));

    public static IReadOnlyList<LabeledText> LoadSplit(string splitFile, string newsRoot)
    {
        var items = new List<LabeledText>();
        foreach (var (article, label) in CorpusSplit.Read(splitFile, newsRoot))
            items.Add(new LabeledText(article.Title, article.Body, label, article.Source));
        return items;
    }
}
