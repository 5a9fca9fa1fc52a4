namespace Marsad.Web;

/// <summary>How <c>marsad serve</c> runs the API and the site.</summary>
public sealed record MarsadWebOptions
{
    /// <summary>The loopback address the server listens on unless told otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Kestrel URLs (semicolon-separated). Port 0 picks a free port; <see cref="MarsadServer.Urls"/> tells which.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The key a client must send as <c>X-Api-Key</c> to ingest; null disables ingest over HTTP.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Largest request body accepted (analyse and ingest); larger requests get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Most results one search page returns.</summary>
    public int MaxPageSize { get; init; } = 50;

    /// <summary>Deepest result reachable by paging (offset + page size).</summary>
    public int MaxResultDepth { get; init; } = 1000;

    /// <summary>Most events one page of <c>GET /api/events</c> returns as JSON.</summary>
    public int MaxEventPageSize { get; init; } = 100;

    /// <summary>Most points one <c>GET /api/events?format=geojson</c> page returns (a map's worth).</summary>
    public int MaxEventFeatures { get; init; } = 5000;

    /// <summary>Deepest event reachable by paging; the CLI export (<c>marsad events</c>) has no limit.</summary>
    public int MaxEventDepth { get; init; } = 10_000;

    /// <summary>
    /// Analyses one client address may ask of <c>POST /api/analyze</c> per second, with bursts of twice that; more
    /// get 429. Analysis costs a few milliseconds of CPU and needs no key, so without a limit one client could keep
    /// every core busy. 0 turns the limit off.
    /// </summary>
    public int AnalyzePerSecond { get; init; } = 20;

    /// <summary>Origins allowed to call the API from a browser on another origin; empty (the default) sends no CORS headers.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>Log requests and start-up to the console (off in tests).</summary>
    public bool ConsoleLogging { get; init; } = true;
}
