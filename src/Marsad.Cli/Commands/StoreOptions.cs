using System.CommandLine;
using Marsad.Search;
using Marsad.Store;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>--data DIR</c> (embedded SQLite store and the search index; default ./marsad-data or MARSAD_DATA) and
/// <c>--store postgres://…</c> (PostgreSQL as the store; default MARSAD_STORE). The index always lives in the data folder.
/// </summary>
public sealed class StoreOptions
{
    public Option<string?> Data { get; } = new("--data") { Description = "Data folder (SQLite store and search index). Default: ./marsad-data or MARSAD_DATA." };

    public Option<string?> Store { get; } = new("--store") { Description = "PostgreSQL store (postgres://user:pass@host:port/db). Default: MARSAD_STORE, else SQLite in the data folder." };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Store);
    }

    public string DataDirectory(ParseResult result) =>
        Path.GetFullPath(result.GetValue(Data) ?? Environment.GetEnvironmentVariable("MARSAD_DATA") ?? "marsad-data");

    /// <summary>Opens the store alone (no search index).</summary>
    public IArticleStore OpenStore(ParseResult result)
    {
        var data = DataDirectory(result);
        Directory.CreateDirectory(data);
        return ArticleStoreFactory.Open(result.GetValue(Store) ?? Environment.GetEnvironmentVariable("MARSAD_STORE"), data);
    }

    /// <summary>Opens the store and its search index, bringing the index up to date with the store.</summary>
    public (IArticleStore Store, SearchIndex Index) Open(ParseResult result)
    {
        var data = DataDirectory(result);
        Directory.CreateDirectory(data);
        var url = result.GetValue(Store) ?? Environment.GetEnvironmentVariable("MARSAD_STORE");
        var store = ArticleStoreFactory.Open(url, data);
        try
        {
            var index = SearchIndex.Open(store, data);
            index.CatchUp();
            return (store, index);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
