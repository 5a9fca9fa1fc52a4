using Marsad.Analysis.Sentences;

namespace Marsad.Tests.Sentences;

public class SeedSentenceTests
{
    [Fact]
    public void UnpunctuatedSeedSplitsIntoReasonableSentences()
    {
        var lines = File.ReadAllLines(SharedData.Path("seed/000_3dfe98a37ea4deb2.txt"));
        var dateLine = Array.FindIndex(lines, l => DateOnly.TryParseExact(l.Trim(), "dd/MM/yyyy", out _));
        Assert.True(dateLine > 0, "seed has no date line");
        var body = string.Join('\n', lines[(dateLine + 1)..]);

        var sentences = SentenceSplitter.Default.Split(body);

        Assert.True(sentences.Count >= 10, $"only {sentences.Count} sentences");
        var words = 0;
        foreach (var sentence in sentences)
        {
            var count = sentence.Text(body).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.InRange(count, 3, 60);
            words += count;
        }
        Assert.Equal(body.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length, words);
    }
}
