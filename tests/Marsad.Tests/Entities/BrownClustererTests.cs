using Marsad.Analysis.Entities;

namespace Marsad.Tests.Entities;

public class BrownClustererTests
{
    private static readonly string[] Determiners = ["the", "a"];
    private static readonly string[] Nouns = ["cat", "dog", "bird", "fish", "cow"];
    private static readonly string[] Verbs = ["runs", "sleeps", "eats", "swims", "jumps"];
    private static readonly string[] Adverbs = ["now", "today", "quickly"];

    /// <summary>
    /// Long runs of "determiner noun verb adverb", so each class is followed by exactly one class (adverbs by
    /// determiners). Words of one class are interchangeable, so merging them costs no mutual information, while
    /// merging two classes blurs a deterministic successor. (With one clause per sentence, determiners and adverbs
    /// would never meet and could merge for free.)
    /// </summary>
    private static List<List<string>> Corpus()
    {
        var rng = new Random(5);
        var sentences = new List<List<string>>();
        for (var s = 0; s < 30; s++)
        {
            var sentence = new List<string>();
            for (var i = 0; i < 100; i++)
                sentence.AddRange([Determiners[rng.Next(Determiners.Length)], Nouns[rng.Next(Nouns.Length)], Verbs[rng.Next(Verbs.Length)], Adverbs[rng.Next(Adverbs.Length)]]);
            sentences.Add(sentence);
        }
        return sentences;
    }

    private static readonly string[][] Classes = [Determiners, Nouns, Verbs, Adverbs];

    /// <summary>Each class is a subtree: its words' common path prefix is the prefix of no word of another class.</summary>
    private static void AssertClassesAreSubtrees(Dictionary<string, string> paths)
    {
        Assert.Equal(15, paths.Count);
        foreach (var members in Classes)
        {
            var prefix = paths[members[0]];
            foreach (var w in members)
            {
                var n = 0;
                while (n < prefix.Length && n < paths[w].Length && prefix[n] == paths[w][n]) n++;
                prefix = prefix[..n];
            }
            Assert.NotEmpty(prefix);
            foreach (var other in Classes.Where(c => c != members).SelectMany(c => c))
                Assert.False(paths[other].StartsWith(prefix, StringComparison.Ordinal), $"{other} ({paths[other]}) falls under {members[0]}'s class ({prefix})");
        }
    }

    [Fact]
    public void With_a_window_of_six_clusters_each_word_class_becomes_a_subtree()
    {
        // Six active clusters for fifteen words: the window merges while words are still arriving.
        AssertClassesAreSubtrees(BrownClusterer.Cluster(Corpus(), vocabularySize: 100, clusters: 6));
    }

    [Fact]
    public void Without_a_window_the_plain_agglomerative_tree_also_keeps_classes_apart()
    {
        AssertClassesAreSubtrees(BrownClusterer.Cluster(Corpus(), vocabularySize: 100, clusters: 15));
    }

    [Fact]
    public void Vocabulary_is_cut_to_the_most_frequent_words_and_the_result_is_deterministic()
    {
        var first = BrownClusterer.Cluster(Corpus(), vocabularySize: 5, clusters: 8);
        var second = BrownClusterer.Cluster(Corpus(), vocabularySize: 5, clusters: 8);
        Assert.Equal(5, first.Count);
        // The two determiners (~1500 each) and the three adverbs (~1000 each) outnumber any noun or verb (~600).
        Assert.Equal(Determiners.Concat(Adverbs).Order(StringComparer.Ordinal), first.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(first.OrderBy(p => p.Key, StringComparer.Ordinal), second.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Prefix_reads_the_leading_bits_and_pads_short_paths_with_zeros()
    {
        Assert.Equal(0b101, BrownClusterer.Prefix("101", 3));
        Assert.Equal(0b101000, BrownClusterer.Prefix("101", 6));
        Assert.Equal(0b110, BrownClusterer.Prefix("1101111", 3));
    }
}
