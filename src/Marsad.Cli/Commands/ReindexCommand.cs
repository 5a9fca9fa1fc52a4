using System.CommandLine;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad reindex</c>: rebuilds the derived search index from the store, the single source of truth.</summary>
public static class ReindexCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var command = new Command("reindex", "Rebuild the search index from the store.");
        store.AddTo(command);
        command.SetAction(result =>
        {
            var (articles, index) = store.Open(result);
            using var storeScope = articles;
            using var indexScope = index;
            var count = index.Rebuild();
            Console.Error.WriteLine($"marsad: indexed {count:N0} articles");
            return 0;
        });
        return command;
    }
}
