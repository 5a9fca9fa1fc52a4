namespace Marsad.Analysis.Entities;

/// <summary>
/// A corpus as one stream of word ids (-1 between sentences), with every word's id (in first-seen order) and count:
/// what both word clusterers (<see cref="BrownClusterer"/>, <see cref="WordClusterBuilder"/>) start from.
/// </summary>
internal sealed class WordStream
{
    private WordStream(int capacity) => Stream = new List<int>(capacity);

    public Dictionary<string, int> Ids { get; } = new(StringComparer.Ordinal);

    public List<int> Counts { get; } = [];

    public List<int> Stream { get; }

    public static WordStream Read(IEnumerable<List<string>> sentences, int capacity)
    {
        var corpus = new WordStream(capacity);
        foreach (var sentence in sentences)
        {
            foreach (var w in sentence)
            {
                if (!corpus.Ids.TryGetValue(w, out var id))
                {
                    id = corpus.Ids.Count;
                    corpus.Ids.Add(w, id);
                    corpus.Counts.Add(0);
                }
                corpus.Counts[id]++;
                corpus.Stream.Add(id);
            }
            corpus.Stream.Add(-1);
        }
        return corpus;
    }
}
