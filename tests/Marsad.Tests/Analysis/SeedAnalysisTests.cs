using System.Diagnostics;
using System.Text.Json;
using Marsad.Analysis;
using Marsad.Analysis.Reading;

namespace Marsad.Tests.Analysis;

/// <summary>The canonical article, end to end: read, analysed, written as the documented JSON object.</summary>
public sealed class SeedAnalysisTests
{
    private const string SeedFile = "seed/000_3dfe98a37ea4deb2.txt";

    [Fact]
    public void Seed_is_read_dated_and_split_into_restored_sentences()
    {
        using var json = JsonDocument.Parse(DocumentJsonWriter.ToJson(AnalyseSeed()));
        AssertSeed(json.RootElement);
    }

    [Fact]
    public void Tokens_carry_offsets_norms_stems_and_clitics()
    {
        var article = ReadSeed();
        var document = DefaultPipeline.Create().Run(article, keepTokens: true);
        Assert.Equal(document.TokenCount, document.Tokens.Count);
        foreach (var token in document.Tokens)
            Assert.Equal(token.Text, article.Body[token.Start..token.End]);
        // The seed speaks of Egyptian supervision with two clitics attached: وبإشراف = و + ب + إشراف.
        var supervision = document.Tokens.First(t => t.Text == "وبإشراف");
        Assert.Equal(["و", "ب"], supervision.Clitics);
        Assert.Equal("اشراف", supervision.Stem);
    }

    [Fact]
    public void Cli_analyze_prints_one_json_object_for_the_seed()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "marsad.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "analyze", SharedData.Path(SeedFile) }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var json = JsonDocument.Parse(Assert.Single(lines));
        AssertSeed(json.RootElement);
    }

    private static void AssertSeed(JsonElement root)
    {
        Assert.Equal("عملية مرتقبة لقوات حفتر في درنة بإشراف مصري", root.GetProperty("title").GetString());
        Assert.Equal("2018-02-13", root.GetProperty("date").GetString());
        var body = root.GetProperty("body").GetString()!;
        var sentences = root.GetProperty("sentences").EnumerateArray().ToList();
        Assert.True(sentences.Count >= 10, $"{sentences.Count} sentences");
        var previousEnd = 0;
        foreach (var sentence in sentences)
        {
            var start = sentence.GetProperty("start").GetInt32();
            var end = sentence.GetProperty("end").GetInt32();
            Assert.True(start >= previousEnd && end > start && end <= body.Length);
            Assert.Equal(body[start..end], sentence.GetProperty("text").GetString());
            var words = body[start..end].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.InRange(words, 1, 60);
            previousEnd = end;
        }
        Assert.True(root.GetProperty("tokenCount").GetInt32() > 300);
    }

    private static Article ReadSeed()
    {
        var read = Assert.Single(ArticleReader.ReadPath(SharedData.Path(SeedFile)));
        Assert.Null(read.Error);
        return read.Article!;
    }

    private static Document AnalyseSeed() => DefaultPipeline.Create().Run(ReadSeed());
}
