using Marsad.Text;

namespace Marsad.Tests.Text;

public class StopWordsTests
{
    [Theory]
    [InlineData("في")]
    [InlineData("الذي")]
    [InlineData("علي")]
    [InlineData("هذه")]
    [InlineData("كانت")]
    public void Function_words_are_stop_words(string word) => Assert.True(StopWords.Contains(word));

    [Theory]
    [InlineData("مدينة")]
    [InlineData("حكومة")]
    [InlineData("نفط")]
    [InlineData("")]
    [InlineData("و")]
    public void Content_words_are_not(string word) => Assert.False(StopWords.Contains(word));

    [Fact]
    public void Lookup_works_on_a_slice_of_a_larger_buffer()
    {
        var buffer = "xxالتيyy".AsSpan();
        Assert.True(StopWords.Contains(buffer[2..6]));
    }

    [Fact]
    public void List_is_stored_in_default_normalised_form()
    {
        foreach (var word in StopWords.All)
            Assert.Equal(word, ArabicNormalizer.Normalize(word));
    }

    [Fact]
    public void Coverage_of_the_public_lucene_list_through_the_analyzer()
    {
        // Our list is written independently; measure how much of the Savoy list (used by Lucene) the chain flags,
        // counting clitic-carrying forms that it recognises through their base.
        var savoy = File.ReadAllLines(SharedData.Path("data/lexicon/stopwords/lucene-savoy-stopwords.txt"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => ArabicNormalizer.Normalize(l)).Distinct().ToList();
        var chain = new ArabicAnalyzerChain();
        var flagged = 0;
        foreach (var word in savoy)
        {
            foreach (var token in chain.Analyze(word))
            {
                if (token.IsStopWord) flagged++;
                break;
            }
        }
        var coverage = (double)flagged / savoy.Count;
        // Measured when written: 83 of 88 (94.3%).
        Assert.True(coverage >= 0.90, $"coverage {coverage:P1} of {savoy.Count}");
    }
}
