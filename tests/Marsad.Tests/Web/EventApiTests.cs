using System.Net;
using System.Text.Json.Nodes;
using Marsad.Analysis;
using Marsad.Search;
using Marsad.Store;
using Marsad.Tests.Store;
using Marsad.Web;

namespace Marsad.Tests.Web;

/// <summary>
/// <c>GET /api/events</c> on a real Kestrel server over each store, holding articles whose events the tests wrote
/// (so the figures do not move when the event coder is tuned).
/// </summary>
public abstract class EventApiContractTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("marsad-events-api");
    private IArticleStore _store = null!;
    private SearchIndex _index = null!;
    private MarsadServer _server = null!;

    protected HttpClient Client { get; private set; } = null!;

    protected abstract IArticleStore CreateStore(string folder);

    public async Task InitializeAsync()
    {
        _store = CreateStore(_folder.Path);
        var earlier = TestEvents.Three()[0];
        earlier["date"] = TestEvents.Date("2023-11-30", "2023-11-30", "2023-11-30");
        _store.AddBatch(
        [
            TestEvents.Article("a", new DateOnly(2024, 3, 5), TestEvents.Three()) with { Title = "قصف ومظاهرة في يوم واحد" },
            TestEvents.Article("b", new DateOnly(2023, 12, 1), earlier) with { Title = "قصف سابق", Body = TestEvents.Body + " وتحدث شهود عن أضرار في الجامعة." },
        ]);
        _index = SearchIndex.Open(_store, _folder.Path);
        _index.CatchUp();
        _server = MarsadServer.Create(new MarsadWebOptions { Urls = "http://127.0.0.1:0", ConsoleLogging = false }, _store, _index, DefaultPipeline.Create());
        await _server.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(_server.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        _index.Dispose();
        _store.Dispose();
        _folder.Dispose();
    }

    private async Task<JsonObject> Get(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        if (expected != HttpStatusCode.OK) Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static string[] Ids(JsonObject page) => [.. page["events"]!.AsArray().Select(e => e!["id"]!.GetValue<string>())];

    private static string Q(string value) => Uri.EscapeDataString(value);

    [Fact]
    public async Task Events_come_as_a_page_with_their_articles_and_facets()
    {
        var page = await Get("/api/events");
        Assert.Equal((4, 1, 20), (page["total"]!.GetValue<int>(), page["page"]!.GetValue<int>(), page["pageSize"]!.GetValue<int>()));
        // Newest event date first.
        Assert.Equal(["a-0", "a-2", "a-1", "b-0"], Ids(page));
        var shelling = page["events"]![0]!;
        Assert.Equal("shelling", shelling["type"]!.GetValue<string>());
        Assert.Equal("قصف ومظاهرة في يوم واحد", shelling["article"]!["title"]!.GetValue<string>());
        Assert.Equal("2024-03-05", shelling["article"]!["date"]!.GetValue<string>());
        Assert.Equal("2024-03-04", shelling["event_date"]!.GetValue<string>());
        Assert.Equal("قوات خليفة حفتر", shelling["actor"]!["name"]!.GetValue<string>());
        Assert.StartsWith("قصفت", shelling["sentence"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var facets = page["facets"]!;
        Assert.Equal(new JsonObject { ["2023-11"] = 1, ["2024-02"] = 1, ["2024-03"] = 2 }.ToJsonString(), facets["month"]!.ToJsonString());
        Assert.Equal(2, facets["type"]!["shelling"]!.GetValue<int>());
        Assert.Equal(2, facets["place"]!["درنة"]!.GetValue<int>());
    }

    [Fact]
    public async Task Filters_match_the_CLI()
    {
        Assert.Equal(["a-0", "b-0"], Ids(await Get("/api/events?place=" + Q("ودرنة"))));
        Assert.Equal(4, (await Get("/api/events?place=" + Q("ليبيا")))["total"]!.GetValue<int>());
        Assert.Equal(["a-0", "b-0"], Ids(await Get("/api/events?actor=" + Q("حفتر"))));
        Assert.Equal(["a-1"], Ids(await Get("/api/events?type=PROTEST")));
        Assert.Equal(["a-0", "b-0"], Ids(await Get("/api/events?type=" + Q("Explosions/Remote violence"))));
        Assert.Equal(["a-2"], Ids(await Get("/api/events?modality=planned")));
        Assert.Equal(["a-1"], Ids(await Get("/api/events?from=2024-02-01&to=2024-02-29")));
        var narrowed = await Get("/api/events?from=2024-03-01&place=" + Q("درنة"));
        Assert.Equal(["a-0"], Ids(narrowed));
        Assert.Equal(new JsonObject { ["2024-03"] = 1 }.ToJsonString(), narrowed["facets"]!["month"]!.ToJsonString());
    }

    [Fact]
    public async Task A_query_lists_the_events_of_the_articles_it_finds()
    {
        Assert.Equal(["b-0"], Ids(await Get("/api/events?q=" + Q("الجامعة"))));
        Assert.Equal(["b-0"], Ids(await Get("/api/events?q=" + Q("سابق"))));
        Assert.Empty(Ids(await Get("/api/events?q=" + Q("كلمةغيرموجودة"))));
        Assert.Equal(["a-0"], Ids(await Get("/api/events?type=shelling&q=" + Q("واحد"))));
        await Get("/api/events?q=" + Q(new string('*', 2000)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GeoJson_has_a_point_per_event_with_coordinates()
    {
        var response = await Client.GetAsync("/api/events?format=geojson");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var collection = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("FeatureCollection", collection["type"]!.GetValue<string>());
        Assert.Equal(3, collection["total"]!.GetValue<int>());
        var features = collection["features"]!.AsArray();
        Assert.Equal(["a-0", "a-1", "b-0"], features.Select(f => f!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(features, f =>
        {
            Assert.Equal("Point", f!["geometry"]!["type"]!.GetValue<string>());
            var (lon, lat) = (f["geometry"]!["coordinates"]![0]!.GetValue<double>(), f["geometry"]!["coordinates"]![1]!.GetValue<double>());
            Assert.InRange(lon, 9, 26);
            Assert.InRange(lat, 19, 34);
            Assert.False(string.IsNullOrEmpty(f["properties"]!["place"]!.GetValue<string>()));
        });
        var tripoli = await Client.GetStringAsync("/api/events?format=geojson&place=" + Q("طرابلس"));
        Assert.Single(JsonNode.Parse(tripoli)!["features"]!.AsArray());
    }

    [Fact]
    public async Task Paging_is_bounded_and_bad_parameters_are_400_problems()
    {
        var first = await Get("/api/events?size=2&page=1");
        var second = await Get("/api/events?size=2&page=2");
        Assert.Equal(["a-0", "a-2"], Ids(first));
        Assert.Equal(["a-1", "b-0"], Ids(second));
        Assert.Empty(Ids(await Get("/api/events?size=2&page=3")));
        Assert.Equal(5000, (await Get("/api/events?format=geojson&size=5000"))["pageSize"]!.GetValue<int>());
        foreach (var refused in new[] { "size=101", "size=0", "page=0", "page=-1", "page=101&size=100", "format=geojson&size=5001", "format=xml",
                     "from=2024-02-30", "to=tomorrow", "modality=maybe", "size=abc" })
        {
            var problem = await Get("/api/events?" + refused, HttpStatusCode.BadRequest);
            Assert.Equal(400, problem["status"]!.GetValue<int>());
        }
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("|")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\\")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("ـــ")]
    [InlineData("19%")]
    public async Task Hostile_filter_values_give_results_or_400_never_500(string value)
    {
        foreach (var name in new[] { "q", "place", "actor", "type", "source", "person" })
        {
            foreach (var format in new[] { "json", "geojson" })
            {
                var response = await Client.GetAsync($"/api/events?format={format}&{name}={Q(value)}");
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{name}={value} → {(int)response.StatusCode}: {text}");
                if (response.StatusCode == HttpStatusCode.OK && name is "place" or "actor" or "type") Assert.Equal(0, JsonNode.Parse(text)!["total"]!.GetValue<int>());
            }
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_events_endpoint()
    {
        var openApi = await Get("/openapi/v1.json");
        var events = openApi["paths"]!["/api/events"]!["get"]!;
        var parameters = events["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        foreach (var name in new[] { "q", "from", "to", "place", "actor", "type", "modality", "page", "size", "format" }) Assert.Contains(name, parameters);
    }
}

public sealed class SqliteEventApiTests : EventApiContractTests
{
    protected override IArticleStore CreateStore(string folder) => new SqliteArticleStore(folder);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresEventApiTests(PostgresServerFixture server) : EventApiContractTests
{
    protected override IArticleStore CreateStore(string folder) => new PostgresArticleStore(server.CreateIsolatedStore());
}

/// <summary>The events the bundled sample articles yield, through the API the web app calls.</summary>
[Collection(WebCollection.Name)]
public sealed class DemoEventTests(WebServerFixture server)
{
    [Fact]
    public async Task The_demo_corpus_yields_mapped_events_of_several_kinds()
    {
        var page = JsonNode.Parse(await server.Client.GetStringAsync("/api/events?size=100"))!;
        Assert.True(page["total"]!.GetValue<int>() >= 10, page.ToJsonString());
        var types = page["events"]!.AsArray().Select(e => e!["plover"]?.GetValue<string>()).ToHashSet();
        Assert.Contains("ASSAULT", types);
        Assert.Contains("PROTEST", types);
        Assert.Contains("CONSULT", types);
        var zawiya = JsonNode.Parse(await server.Client.GetStringAsync("/api/events?type=armed_clash&place=" + Uri.EscapeDataString("الزاوية")))!;
        Assert.True(zawiya["total"]!.GetValue<int>() >= 1, zawiya.ToJsonString());
        var points = JsonNode.Parse(await server.Client.GetStringAsync("/api/events?format=geojson"))!["features"]!.AsArray();
        Assert.True(points.Count >= 5);
    }
}
