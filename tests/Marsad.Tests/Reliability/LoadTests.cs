using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Marsad.Tests.Reliability;

/// <summary>
/// <c>marsad bench load</c> against a real <c>marsad serve</c> process on loopback for a few seconds: concurrent
/// searches while articles are ingested over HTTP, with no error on either side, and the server's counts agree.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Concurrent_searches_during_an_http_ingest_see_no_errors()
    {
        const string key = "load-test-key-7d1e";
        var port = CliProcess.FreeLoopbackPort();
        var url = $"http://127.0.0.1:{port}";
        using var server = CliProcess.Start("serve", "--demo", "--urls", url, "--api-key", key);
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = Patience };
        var before = await Health(client, server);

        var (exit, stdout, stderr) = CliProcess.Run(Patience, "bench", "load", "--url", url, "--api-key", key, "--seconds", "3", "--concurrency", "4", "--json");
        output.WriteLine(stdout);
        Assert.True(exit == 0, stdout + stderr);
        var load = JsonNode.Parse(stdout)!;
        Assert.Equal(0, load["errors"]!.GetValue<long>());
        Assert.Equal(0, load["ingest_errors"]!.GetValue<long>());
        Assert.True(load["requests"]!.GetValue<long>() >= 20, stdout);
        Assert.True(load["ingested"]!.GetValue<long>() > 0, stdout);
        Assert.InRange(load["p50_ms"]!.GetValue<double>(), 0.01, load["p99_ms"]!.GetValue<double>());

        var after = await Health(client, server);
        Assert.Equal(before["articles"]!.GetValue<long>() + load["ingested"]!.GetValue<long>(), after["articles"]!.GetValue<long>());
        Assert.Equal(after["articles"]!.GetValue<long>(), after["indexed"]!.GetValue<long>());

        // The command refuses anything but loopback targets.
        var refused = CliProcess.Run(Patience, "bench", "load", "--url", "http://192.0.2.1:5080", "--seconds", "1", "--json");
        Assert.Equal(2, refused.Exit);
        Assert.Contains("loopback", refused.Stderr, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> Health(HttpClient client, CliProcess server)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            Assert.False(server.HasExited, "marsad serve exited:\n" + server.Stderr);
            try
            {
                return JsonNode.Parse(await client.GetStringAsync("/health"))!;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("marsad serve did not answer /health:\n" + server.Stderr);
    }
}
