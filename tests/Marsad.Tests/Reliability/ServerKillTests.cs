using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Analysis.Reading;
using Marsad.Tests.Store;
using Npgsql;
using Xunit.Abstractions;

namespace Marsad.Tests.Reliability;

/// <summary>
/// The real <c>marsad serve</c> over PostgreSQL, fed through <c>POST /api/articles</c> and killed with SIGKILL while a
/// request is in flight, several times. After each restart every acknowledged article is stored, the batch that was in
/// flight is stored whole or not at all, and at the end every article is stored exactly once, indexed, searchable,
/// and <c>marsad check</c> passes (run beside the live server).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ServerKillTests(PostgresServerFixture postgres, ITestOutputHelper output) : IDisposable
{
    private const int Articles = 2000;
    private const int BatchSize = 40;
    private const int Kills = 3;
    private const string Key = "kill-test-key-51c2";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly string _folder = Directory.CreateTempSubdirectory("marsad-serverkill-").FullName;

    [Fact]
    public async Task Server_killed_during_http_ingest_keeps_every_acknowledged_article_and_ends_exactly_once()
    {
        var schema = new NpgsqlConnectionStringBuilder(postgres.CreateIsolatedStore()).SearchPath;
        var store = $"postgres://postgres:unused@127.0.0.1:{postgres.Port}/marsad_test?Search+Path={schema}";
        var data = Path.Combine(_folder, "data");
        var batches = Enumerable.Range(0, Articles / BatchSize)
            .Select(b => Enumerable.Range(b * BatchSize, BatchSize).Select(i => GeneratedNews.JsonLine(i, " (خادم)")).ToList())
            .ToList();
        var batchIds = batches.Select(lines => ArticleReader.ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))), "b.jsonl")
            .Select(r => r.Article!.Id).ToList()).ToList();

        var seed = int.TryParse(Environment.GetEnvironmentVariable("MARSAD_KILL_SEED"), out var s) ? s : Random.Shared.Next();
        var random = new Random(seed);
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        var log = new List<string>();
        var next = 0;
        for (var kill = 0; kill <= Kills; kill++)
        {
            var port = CliProcess.FreeLoopbackPort();
            using var server = CliProcess.Start("serve", "--store", store, "--data", data, "--urls", $"http://127.0.0.1:{port}", "--api-key", Key);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Patience };
            await WaitUntilHealthy(client, server);

            var present = StoredIds(store);
            Assert.True(acknowledged.IsSubsetOf(present),
                $"after restart {kill}: {acknowledged.Except(present).Count()} acknowledged articles are missing (seed {seed})");
            Assert.True(present.IsSubsetOf(batchIds.SelectMany(b => b)), "the store holds articles nobody sent");

            if (kill == Kills)
            {
                for (; next < batches.Count; next++) acknowledged.UnionWith(await Post(client, batches[next]) ?? throw new InvalidOperationException("ingest failed"));
                await VerifyFinal(client, store, data, batchIds);
                log.Add($"final run sent the rest");
                break;
            }

            var quietBatches = random.Next(3, 10);
            for (var b = 0; b < quietBatches && next < batches.Count - 1; b++, next++)
                acknowledged.UnionWith(await Post(client, batches[next]) ?? throw new InvalidOperationException("ingest failed"));

            // One more request, and SIGKILL while it is (probably) being analysed or stored.
            var inFlight = Post(client, batches[next]);
            await Task.Delay(random.Next(0, 250));
            server.Kill();
            var answer = await inFlight;
            var stored = StoredIds(store);
            var whole = batchIds[next].Count(stored.Contains);
            Assert.True(whole == 0 || whole == BatchSize, $"kill {kill + 1}: the batch in flight was stored in part ({whole} of {BatchSize}) (seed {seed})");
            if (answer is not null)
            {
                acknowledged.UnionWith(answer);
                next++;
            }
            log.Add($"kill {kill + 1} with {stored.Count:N0} stored, batch in flight {(answer is null ? whole == 0 ? "lost (not acknowledged)" : "stored (not acknowledged)" : "acknowledged")}");
        }
        output.WriteLine($"seed {seed}: {string.Join("; ", log)}");
    }

    private async Task VerifyFinal(HttpClient client, string store, string data, List<List<string>> batchIds)
    {
        var ids = StoredIds(store);
        Assert.Equal(Articles, ids.Count);
        Assert.True(ids.SetEquals(batchIds.SelectMany(b => b)));

        var health = JsonNode.Parse(await client.GetStringAsync("/health"))!;
        Assert.Equal(Articles, health["articles"]!.GetValue<long>());
        Assert.Equal(Articles, health["indexed"]!.GetValue<long>());
        var found = JsonNode.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(GeneratedNews.Cities[2])))!;
        Assert.Equal(Articles / 4, found["total"]!.GetValue<long>());

        // The check reads the last index commit; the live server commits after each request, so nothing is pending.
        var (exit, stdout, stderr) = CliProcess.Run(Patience, "check", "--store", store, "--data", data, "--json");
        Assert.True(exit == 0, stdout + stderr);
        var check = JsonNode.Parse(stdout)!;
        Assert.True(check["ok"]!.GetValue<bool>(), stdout);
        Assert.Equal(Articles, check["articles"]!.GetValue<long>());
        Assert.Equal(Articles, check["indexed"]!.GetValue<long>());
    }

    /// <summary>The ids the server acknowledged, or null when the request died with the server.</summary>
    private static async Task<List<string>?> Post(HttpClient client, List<string> lines)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles")
        {
            Content = new StringContent(string.Join("\n", lines), Encoding.UTF8, "application/x-ndjson"),
        };
        request.Headers.Add("X-Api-Key", Key);
        try
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
            return JsonNode.Parse(text)!["ids"]!.AsArray().Select(id => id!.GetValue<string>()).ToList();
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task WaitUntilHealthy(HttpClient client, CliProcess server)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            Assert.False(server.HasExited, $"marsad serve exited with {(server.HasExited ? server.Process.ExitCode : 0)}:\n{server.Stderr}");
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        Assert.Fail($"marsad serve did not answer /health within {Patience.TotalSeconds} s:\n{server.Stderr}");
    }

    private HashSet<string> StoredIds(string store)
    {
        using var reader = Marsad.Store.ArticleStoreFactory.Open(store, _folder);
        return reader.ReadSince(0, 5000).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
