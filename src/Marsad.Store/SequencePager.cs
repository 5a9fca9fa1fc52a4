namespace Marsad.Store;

/// <summary>
/// <see cref="IArticleStore.ReadSince"/> for both stores: pages in sequence order, each read in full before it is
/// yielded, so a slow consumer never holds a connection or a read snapshot open while other writers go on.
/// </summary>
internal static class SequencePager
{
    public static IEnumerable<StoredArticle> ReadSince(long afterSequence, int batchSize, Func<long, int, List<StoredArticle>> readPage)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return Iterate(afterSequence, batchSize, readPage);
    }

    private static IEnumerable<StoredArticle> Iterate(long afterSequence, int batchSize, Func<long, int, List<StoredArticle>> readPage)
    {
        var cursor = afterSequence;
        while (true)
        {
            var page = readPage(cursor, batchSize);
            foreach (var article in page) yield return article;
            if (page.Count < batchSize) yield break;
            cursor = page[^1].Sequence;
        }
    }
}
