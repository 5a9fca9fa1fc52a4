using System.CommandLine;
using Marsad.Analysis;
using Marsad.Search;
using Marsad.Store;
using Marsad.Web;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad serve</c>: the HTTP API and the web app, on loopback unless told otherwise.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = $"Address(es) to listen on (default {MarsadWebOptions.DefaultUrls}).", DefaultValueFactory = _ => MarsadWebOptions.DefaultUrls };
        var apiKey = new Option<string?>("--api-key") { Description = "Key clients send as X-Api-Key to ingest (POST /api/articles). Default: MARSAD_API_KEY; without one, ingest over HTTP is refused." };
        var demo = new Option<bool>("--demo") { Description = "Serve a temporary data folder filled with the bundled sample articles (deleted on exit)." };
        var cors = new Option<string[]>("--cors-origin") { Description = "Allow browser calls from this origin (repeatable). Default: none.", Arity = ArgumentArity.ZeroOrMore };
        var analyzeRate = new Option<int>("--analyze-rate")
        {
            Description = "Analyses (POST /api/analyze) one client address may ask per second, bursts of twice that; 0 = no limit.",
            DefaultValueFactory = _ => new MarsadWebOptions().AnalyzePerSecond,
        };
        var store = new StoreOptions();
        var command = new Command("serve", "Serve the HTTP API and the web app.") { urls, apiKey, demo, cors, analyzeRate };
        store.AddTo(command);
        command.SetAction(result =>
        {
            var options = new MarsadWebOptions
            {
                Urls = result.GetValue(urls)!,
                ApiKey = NonEmpty(result.GetValue(apiKey)) ?? NonEmpty(Environment.GetEnvironmentVariable("MARSAD_API_KEY")),
                CorsOrigins = result.GetValue(cors) ?? [],
                AnalyzePerSecond = Math.Max(0, result.GetValue(analyzeRate)),
            };
            return result.GetValue(demo) ? RunDemo(options) : Run(options, store.Open(result), DefaultPipeline.Create(store.DataDirectory(result)));
        });
        return command;
    }

    private static int RunDemo(MarsadWebOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("marsad-demo-").FullName;
        try
        {
            var pipeline = DefaultPipeline.Create();
            IArticleStore store = new SqliteArticleStore(folder);
            SearchIndex index;
            try
            {
                index = SearchIndex.Open(store, folder);
                var report = DemoCorpus.Load(store, index, pipeline);
                Console.Error.WriteLine($"marsad: demo data in {folder}: {report.Added} sample articles");
            }
            catch
            {
                store.Dispose();
                throw;
            }
            return Run(options, (store, index), pipeline);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Run(MarsadWebOptions options, (IArticleStore Store, SearchIndex Index) opened, AnalysisPipeline? pipeline = null)
    {
        using var storeScope = opened.Store;
        using var indexScope = opened.Index;
        var server = MarsadServer.Create(options, opened.Store, opened.Index, pipeline);
        try
        {
            server.StartAsync().GetAwaiter().GetResult();
            foreach (var url in server.Urls) Console.Error.WriteLine($"marsad: serving on {url} (Ctrl-C to stop)");
            if (options.ApiKey is null) Console.Error.WriteLine("marsad: ingest over HTTP is off (no --api-key / MARSAD_API_KEY)");
            server.WaitForShutdownAsync().GetAwaiter().GetResult();
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return 0;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
