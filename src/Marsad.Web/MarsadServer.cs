using System.Threading.RateLimiting;
using Marsad.Analysis;
using Marsad.Search;
using Marsad.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marsad.Web;

/// <summary>
/// The API and the site in one Kestrel server over an open store and index (which the caller owns and disposes).
/// <c>marsad serve</c> runs it until Ctrl-C; tests start it on 127.0.0.1:0 and read <see cref="Urls"/>.
/// </summary>
public sealed class MarsadServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MarsadServer(WebApplication app) => _app = app;

    /// <summary>The addresses the server listens on, with the real port when port 0 was asked for.</summary>
    public IReadOnlyList<string> Urls =>
        [.. _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    public static MarsadServer Create(MarsadWebOptions options, IArticleStore store, SearchIndex index, AnalysisPipeline? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(MarsadServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging) builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Kestrel refuses anything larger on its own; the endpoints also check, to answer with a problem document.
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = DocumentJsonWriter.Encoder);
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Marsad API";
            document.Info.Description = "Search, read and analyse Arabic news. Article objects follow docs/schema.md.";
            return Task.CompletedTask;
        }));
        if (options.CorsOrigins.Count > 0)
            builder.Services.AddCors(cors => cors.AddDefaultPolicy(p => p.WithOrigins([.. options.CorsOrigins]).AllowAnyHeader().WithMethods("GET", "POST")));
        if (options.AnalyzePerSecond > 0) builder.Services.AddRateLimiter(limiter => AnalyzeRateLimit(limiter, options.AnalyzePerSecond));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new ArticleService(store, index, pipeline ?? DefaultPipeline.Create()));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (options.CorsOrigins.Count > 0) app.UseCors();
        app.Use(SecurityHeaders);
        if (options.AnalyzePerSecond > 0) app.UseRateLimiter();
        var site = new SiteFiles();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = site, DefaultFileNames = ["index.html"] });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = site });
        app.MapGet("/", () => Results.Stream(site.GetFileInfo("index.html").CreateReadStream(), "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json");
        ApiEndpoints.Map(app, options, index);
        return new MarsadServer(app);
    }

    public Task StartAsync(CancellationToken ct = default) => _app.StartAsync(ct);

    /// <summary>Runs until the process is asked to stop (Ctrl-C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    public Task StopAsync(CancellationToken ct = default) => _app.StopAsync(ct);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A token bucket per client address for the analyse endpoint; a refusal is a problem document with Retry-After.</summary>
    private static void AnalyzeRateLimit(RateLimiterOptions limiter, int perSecond)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = (context, _) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "1";
            return new ValueTask(Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"This address may ask for {perSecond} analyses a second; retry after a second.").ExecuteAsync(context.HttpContext));
        };
        limiter.AddPolicy(ApiEndpoints.AnalyzeRatePolicy, http => RateLimitPartition.GetTokenBucketLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = 2 * perSecond,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }));
    }

    /// <summary>The pages build every piece of article text as DOM text; the policy forbids inline scripts and any outside origin.</summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
        return next();
    }
}
