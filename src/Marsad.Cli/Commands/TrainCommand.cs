using System.CommandLine;
using System.Diagnostics;
using Marsad.Analysis.Entities;
using Marsad.Analysis.Keywords;
using Marsad.Analysis.Reading;
using Marsad.Analysis.Sentences;
using Marsad.Analysis.Topics;
using Marsad.Text;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad train …</c>: rebuilds the model files that ship in models/ from the shared corpora.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train a model from the shared corpora and write it to models/.");
        command.Subcommands.Add(Sentences());
        command.Subcommands.Add(Lexicon());
        command.Subcommands.Add(Ner());
        command.Subcommands.Add(Topic());
        command.Subcommands.Add(Keywords());
        return command;
    }

    private static Command Sentences()
    {
        var split = SplitOption.Create("topic-train.tsv");
        var output = new Option<string?>("--out") { Description = "Model file to write. Default: models/sentences.model." };
        var command = new Command("sentences", "Train the sentence-boundary model on punctuated news (the punctuation supervises itself).") { split, output };
        command.SetAction(result =>
        {
            var bodies = SplitOption.Bodies(SplitOption.Resolve(result.GetValue(split), "topic-train.tsv"));
            var clock = Stopwatch.StartNew();
            var model = SentenceBoundaryModel.Train(bodies, new SentenceTrainingOptions());
            var path = result.GetValue(output) ?? CliEnvironment.ModelPath("sentences.model");
            Save(path, model.Save);
            Console.Error.WriteLine($"marsad: trained on {bodies.Count} articles in {clock.Elapsed.TotalSeconds:F1} s → {path} ({new FileInfo(path).Length / 1024} KiB)");
            return 0;
        });
        return command;
    }

    private static Command Ner()
    {
        var output = new Option<string?>("--out") { Description = "Model file to write. Default: models/ner.model." };
        var command = new Command("ner", "Train the named-entity model on ANERcorp train, with gazetteers and word clusters from the shared data.") { output };
        command.SetAction(result =>
        {
            var shared = CliEnvironment.SharedPath(".");
            var clock = Stopwatch.StartNew();
            var model = NerTrainer.TrainFromSharedData(shared);
            var path = result.GetValue(output) ?? CliEnvironment.ModelPath("ner.model");
            Save(path, model.Save);
            Console.Error.WriteLine($"marsad: trained in {clock.Elapsed.TotalSeconds:F1} s → {path} ({new FileInfo(path).Length / 1024} KiB)");
            return 0;
        });
        return command;
    }

    private static Command Topic()
    {
        var output = new Option<string?>("--out") { Description = "Model file to write. Default: models/topic.model." };
        var command = new Command("topic", "Train the topic classifier on topic-train (title + body), calibrate it on topic-dev, then retrain on both.") { output };
        command.SetAction(result =>
        {
            var train = TopicCorpus.LoadSplit(CliEnvironment.SharedPath(Path.Combine("data", "splits", "topic-train.tsv")));
            var dev = TopicCorpus.LoadSplit(CliEnvironment.SharedPath(Path.Combine("data", "splits", "topic-dev.tsv")));
            var clock = Stopwatch.StartNew();
            var model = TopicTrainer.Train(train, dev, new TopicTrainingOptions());
            var seconds = clock.Elapsed.TotalSeconds;
            var path = result.GetValue(output) ?? CliEnvironment.ModelPath("topic.model");
            Save(path, model.Save);
            Console.Error.WriteLine($"marsad: trained on {train.Count} + {dev.Count} articles in {seconds:F1} s → {path} ({new FileInfo(path).Length / 1024} KiB)");
            return 0;
        });
        return command;
    }

    private static Command Keywords()
    {
        var split = SplitOption.Create("topic-train.tsv");
        var output = new Option<string?>("--out") { Description = "Statistics file to write. Default: models/keyword-df.br." };
        var command = new Command("keywords", "Count the document frequencies of stems in the topic-train bodies, the IDF used by keywords and summaries.") { split, output };
        command.SetAction(result =>
        {
            var splitFile = SplitOption.Resolve(result.GetValue(split), "topic-train.tsv");
            var clock = Stopwatch.StartNew();
            var path = result.GetValue(output) ?? CliEnvironment.ModelPath("keyword-df.br");
            KeywordStatistics? statistics = null;
            Save(path, stream => statistics = KeywordStatistics.Build(CorpusSplit.Read(splitFile).Select(a => a.Article.Body), stream));
            Console.Error.WriteLine($"marsad: {statistics!.StemCount} stems over {statistics.Documents} articles in {clock.Elapsed.TotalSeconds:F1} s → {path} ({new FileInfo(path).Length / 1024} KiB)");
            return 0;
        });
        return command;
    }

    private static Command Lexicon()
    {
        var output = new Option<string?>("--out") { Description = "Lexicon file to write. Default: src/Marsad.Text/Resources/news-lexicon.br." };
        var command = new Command("lexicon", "Build the word-frequency lexicon that guards clitic segmentation, from the unlabelled shared news.") { output };
        command.SetAction(result =>
        {
            var bodies = LexiconTexts();
            var path = result.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(CliEnvironment.ModelPath("x"))!, "..", "src", "Marsad.Text", "Resources", LexiconFileName);
            Save(path, stream => CliticSegmenter.BuildLexicon(bodies, stream));
            Console.Error.WriteLine($"marsad: lexicon → {Path.GetFullPath(path)} ({new FileInfo(path).Length / 1024} KiB)");
            return 0;
        });
        return command;
    }

    private static readonly string LexiconFileName = WordFrequencyLexicon.ResourceName["Marsad.Text.".Length..];

    /// <summary>
    /// The unlabelled text the lexicon counts words in: the topic-train bodies in split order, then every
    /// SaudiNewsNet article (zips in name order), streamed so the whole corpus never sits in memory.
    /// </summary>
    private static IEnumerable<string> LexiconTexts()
    {
        foreach (var body in SplitOption.Bodies(CliEnvironment.SharedPath(Path.Combine("data", "splits", "topic-train.tsv")))) yield return body;
        var saudi = Directory.GetFiles(CliEnvironment.SharedPath(Path.Combine("data", "news", "saudinewsnet")), "*.zip");
        Array.Sort(saudi, StringComparer.Ordinal);
        foreach (var read in ArticleReader.ReadPaths(saudi))
            if (read.Article is { } article) yield return article.Body;
    }

    /// <summary>Writes to a temporary file first so an interrupted training never leaves a truncated model behind.</summary>
    private static void Save(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary)) write(stream);
        File.Move(temporary, path, overwrite: true);
    }
}
