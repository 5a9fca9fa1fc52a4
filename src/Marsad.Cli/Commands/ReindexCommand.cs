using System.CommandLine;
using Marsad.Search;
using Marsad.Store;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad reindex</c>: rebuilds the derived search index from the store, the single source of truth. The old index
/// folder is removed first, so an index too damaged to open is repaired as well.
/// </summary>
public static class ReindexCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var command = new Command("reindex", "Rebuild the search index from the store (also repairs a damaged index).");
        store.AddTo(command);
        command.SetAction(result =>
        {
            var data = store.DataDirectory(result);
            Directory.CreateDirectory(data);
            using var articles = ArticleStoreFactory.Open(result.GetValue(store.Store) ?? Environment.GetEnvironmentVariable("MARSAD_STORE"), data);
            using var index = SearchIndex.Open(articles, data, discardExisting: true);
            var count = index.Rebuild();
            Console.Error.WriteLine($"marsad: indexed {count:N0} articles");
            return 0;
        });
        return command;
    }
}
