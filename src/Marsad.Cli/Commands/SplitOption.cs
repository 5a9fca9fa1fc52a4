using System.CommandLine;
using Marsad.Analysis.Reading;

namespace Marsad.Cli.Commands;

/// <summary>The <c>--split</c> option shared by train, eval and bench: a fixed split file of the shared corpus.</summary>
public static class SplitOption
{
    public static Option<string?> Create(string defaultSplit) => new("--split")
    {
        Description = $"Split file (path<TAB>category). Default: shared data/splits/{defaultSplit}.",
    };

    public static string Resolve(string? given, string defaultSplit) =>
        given ?? CliEnvironment.SharedPath(Path.Combine("data", "splits", defaultSplit));

    /// <summary>Article bodies of a split, in file order (training and evaluation are deterministic).</summary>
    public static List<string> Bodies(string splitFile)
    {
        var bodies = new List<string>();
        foreach (var (article, _) in CorpusSplit.Read(splitFile)) bodies.Add(article.Body);
        if (bodies.Count == 0) throw new CliException($"{splitFile}: no articles could be read");
        return bodies;
    }
}
