using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Search;
using Marsad.Store;
using Marsad.Web;

namespace Marsad.Tests.Web;

/// <summary>
/// A real Kestrel server on a free loopback port over a temporary SQLite data folder holding the bundled sample
/// articles plus one whose title is an HTML injection attempt. Shared by the API and browser tests.
/// </summary>
public sealed class WebServerFixture : IAsyncLifetime
{
    public const string ApiKey = "test-key-3f9a";

    /// <summary>A title that would run script if any page put article text into innerHTML.</summary>
    public const string HostileTitle = "<img src=x onerror=\"document.title='pwned'\"> خبر عن <b>طرابلس</b> & \"الجفرة\"";

    private readonly string _folder = Directory.CreateTempSubdirectory("marsad-web-").FullName;

    public IArticleStore Store { get; private set; } = null!;

    public SearchIndex Index { get; private set; } = null!;

    public AnalysisPipeline Pipeline { get; } = DefaultPipeline.Create();

    public MarsadServer Server { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string HostileId { get; private set; } = null!;

    public int SampleCount { get; private set; }

    public async Task InitializeAsync()
    {
        Store = new SqliteArticleStore(_folder);
        Index = SearchIndex.Open(Store, _folder);
        SampleCount = (int)DemoCorpus.Load(Store, Index, Pipeline).Added;
        var hostile = ArticleReader.ReadStream(
            new MemoryStream(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
            {
                title = HostileTitle,
                date = "2024-12-02",
                source = "<script>alert(1)</script>",
                category = "politics",
                body = "قال مسؤول في بلدية طرابلس إن لجنة المصالحة زارت مدينة الجفرة لبحث عودة النازحين. <script>alert('x')</script> وأضاف أن الزيارة شملت لقاءات مع وجهاء المنطقة.",
            }))), "hostile.json").Single().Article!;
        HostileId = hostile.Id;
        new Ingestor(Store, Index, Pipeline).Run([ReadResult.Ok(hostile)]);
        // The suite posts bursts of analyses from one address; the rate limit has a test of its own.
        Server = Start(new MarsadWebOptions { ApiKey = ApiKey, AnalyzePerSecond = 0 });
        await Server.StartAsync();
        BaseAddress = new Uri(Server.Urls.Single());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Another server over the same store and index (not started).</summary>
    public MarsadServer Start(MarsadWebOptions options) =>
        MarsadServer.Create(options with { Urls = "http://127.0.0.1:0", ConsoleLogging = false }, Store, Index, Pipeline);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Index.Dispose();
        Store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebServerFixture>
{
    public const string Name = "web server";
}
