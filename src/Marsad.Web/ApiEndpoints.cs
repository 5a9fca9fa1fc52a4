using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Analysis.Events;
using Marsad.Search;
using Marsad.Search.Events;
using Marsad.Store.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Web;

/// <summary>The HTTP API: each endpoint is a short function over <see cref="ArticleService"/>.</summary>
public static class ApiEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Rate-limiting policy of <c>POST /api/analyze</c> (see <see cref="MarsadWebOptions.AnalyzePerSecond"/>).</summary>
    public const string AnalyzeRatePolicy = "analyze";

    public static void Map(IEndpointRouteBuilder app, MarsadWebOptions options, SearchIndex index)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/search", (ArticleService service, [AsParameters] SearchParameters query) => Search(service, options, query))
            .WithName("search").WithSummary("Search stored articles (BM25, Arabic-aware), with highlighted snippets and facets.")
            .Produces<SearchPage>().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/events", (ArticleService service, [AsParameters] EventParameters query) => Events(service, options, query))
            .WithName("events")
            .WithSummary("Events of stored articles (who did what to whom, where, when; CAMEO, PLOVER, ACLED codes; modality), filtered like `marsad events`; format=json (a page with facets by month, type and place) or geojson (points).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/articles/{id}", Article)
            .WithName("article").WithSummary("One stored article as its full analysis object (docs/schema.md), body included.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        var analyze = api.MapPost("/analyze", (HttpRequest request, ArticleService service, CancellationToken ct) => Analyze(request, service, options, ct))
            .WithName("analyze").WithSummary("Analyse one article (text/plain: title line then body; or JSON {title, date, body}) without storing it.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        if (options.AnalyzePerSecond > 0) analyze.RequireRateLimiting(AnalyzeRatePolicy);
        api.MapPost("/articles", (HttpRequest request, ArticleService service, CancellationToken ct) => Ingest(request, service, options, ct))
            .WithName("ingest").WithSummary("Analyse, store and index articles (any format `marsad ingest` reads). Needs the X-Api-Key header.")
            .Produces<IngestResult>(StatusCodes.Status201Created).Produces<IngestResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        app.MapGet("/health", (ArticleService service) => Results.Ok(new HealthStatus("ok", service.Store.Count(), index.DocumentCount)))
            .WithName("health").WithSummary("Liveness: the store answers; article and index counts.")
            .Produces<HealthStatus>();
    }

    private static IResult Search(ArticleService service, MarsadWebOptions options, SearchParameters query)
    {
        if (!TryDate(query.From, "from", out var fromDate, out var error) || !TryDate(query.To, "to", out var toDate, out error)) return error!;
        if (!TryNumber(query.Page, "page", 1, 1, int.MaxValue, out var pageNumber, out error)) return error!;
        if (!TryNumber(query.Size, "size", 10, 1, options.MaxPageSize, out var pageSize, out error)) return error!;
        if ((long)pageNumber * pageSize > options.MaxResultDepth)
            return Problems.BadRequest($"Results beyond the first {options.MaxResultDepth:N0} are not served; narrow the search instead.");
        var request = new SearchRequest(query.Q ?? string.Empty)
        {
            Limit = pageSize,
            Offset = (pageNumber - 1) * pageSize,
            From = fromDate,
            To = toDate,
            Source = Filter(query.Source),
            Category = Filter(query.Category),
            Topic = Filter(query.Topic),
            Place = Filter(query.Place),
            Person = Filter(query.Person),
        };
        try
        {
            return Results.Ok(ToPage(request.Query, pageNumber, pageSize, service.Search(request)));
        }
        catch (QuerySyntaxException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Query refused", detail: e.Message);
        }
    }

    private static string? Filter(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static IResult Events(ArticleService service, MarsadWebOptions options, EventParameters query)
    {
        var format = string.IsNullOrEmpty(query.Format) ? "json" : query.Format;
        if (format is not ("json" or "geojson")) return Problems.BadRequest("'format' must be json or geojson.");
        var geo = format == "geojson";
        if (!TryDate(query.From, "from", out var fromDate, out var error) || !TryDate(query.To, "to", out var toDate, out error)) return error!;
        string? modality = null;
        if (Filter(query.Modality) is { } m)
        {
            modality = m.Trim().ToLowerInvariant();
            if (!EventModalityNames.TryParse(modality, out _))
                return Problems.BadRequest($"'modality' must be one of {string.Join(", ", Enum.GetValues<EventModality>().Select(EventModalityNames.Name))}.");
        }
        if (!TryNumber(query.Page, "page", 1, 1, int.MaxValue, out var pageNumber, out error)) return error!;
        var maxSize = geo ? options.MaxEventFeatures : options.MaxEventPageSize;
        if (!TryNumber(query.Size, "size", geo ? 1000 : 20, 1, maxSize, out var pageSize, out error)) return error!;
        if ((long)pageNumber * pageSize > Math.Max(options.MaxEventDepth, maxSize))
            return Problems.BadRequest($"Events beyond the first {Math.Max(options.MaxEventDepth, maxSize):N0} are not served; narrow the filters or use `marsad events`.");
        var filter = new EventFilter
        {
            Place = Filter(query.Place),
            Actor = Filter(query.Actor),
            Type = Filter(query.Type),
            Modality = modality,
            From = fromDate,
            To = toDate,
            WithCoordinates = geo,
        };
        try
        {
            filter = service.EventsOf(filter, new SearchRequest(query.Q ?? string.Empty)
            {
                Source = Filter(query.Source),
                Category = Filter(query.Category),
                Topic = Filter(query.Topic),
                Person = Filter(query.Person),
            });
        }
        catch (QuerySyntaxException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Query refused", detail: e.Message);
        }
        var store = service.Store;
        var total = store.CountEvents(filter);
        var events = store.QueryEvents(filter, (pageNumber - 1) * pageSize, pageSize);
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, EventExport.WriterOptions()))
        {
            if (geo)
            {
                EventExport.WriteGeoJsonStart(writer);
                foreach (var e in events) EventExport.WriteFeature(writer, e);
                writer.WriteEndArray();
                // Foreign members (RFC 7946 §6.1): how many points match in all, and which page this is.
                writer.WriteNumber("total", total);
                writer.WriteNumber("page", pageNumber);
                writer.WriteNumber("pageSize", pageSize);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteString("query", query.Q ?? string.Empty);
                writer.WriteNumber("total", total);
                writer.WriteNumber("page", pageNumber);
                writer.WriteNumber("pageSize", pageSize);
                writer.WriteStartArray("events");
                foreach (var e in events) EventExport.WriteJson(writer, e);
                writer.WriteEndArray();
                writer.WriteStartObject("facets");
                foreach (var (name, grouping) in new[] { ("month", EventGrouping.Month), ("type", EventGrouping.Type), ("place", EventGrouping.Place) })
                {
                    writer.WriteStartObject(name);
                    foreach (var (key, count) in store.CountEventsBy(filter, grouping).Take(grouping == EventGrouping.Month ? int.MaxValue : 50))
                        writer.WriteNumber(key, count);
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }
        return Results.Bytes(buffer.ToArray(), geo ? "application/geo+json; charset=utf-8" : "application/json; charset=utf-8");
    }

    private static IResult Article(string id, ArticleService service) =>
        service.Article(id) is { } analysis
            ? Results.Text(analysis.ToJsonString(ArticleService.JsonOptions), "application/json; charset=utf-8")
            : Problems.NotFound($"No stored article has the id '{id}'.");

    private static async Task<IResult> Analyze(HttpRequest request, ArticleService service, MarsadWebOptions options, CancellationToken ct)
    {
        var (bytes, refusal) = await RequestBody.ReadAsync(request, options.MaxRequestBodyBytes, ct);
        if (refusal is not null) return refusal;
        var reads = Read(bytes!, request.ContentType);
        var errors = reads.Where(r => r.Error is not null).Select(r => r.Error!.Reason).ToList();
        var articles = reads.Where(r => r.Article is not null).Select(r => r.Article!).ToList();
        if (articles.Count != 1 || errors.Count > 0)
        {
            var why = errors.Count > 0 ? string.Join("; ", errors) : $"found {articles.Count} articles";
            return Problems.BadRequest($"Send exactly one article (text/plain: a title line, then the body; or JSON {{title, date, body}}): {why}.");
        }
        var document = service.Analyze(articles[0]);
        return Results.Text(DocumentJsonWriter.ToJson(document), "application/json; charset=utf-8");
    }

    private static async Task<IResult> Ingest(HttpRequest request, ArticleService service, MarsadWebOptions options, CancellationToken ct)
    {
        if (options.ApiKey is null)
            return Problems.Forbidden("Ingest over HTTP is disabled: start the server with --api-key or MARSAD_API_KEY.");
        if (!KeyMatches(request.Headers[ApiKeyHeader].ToString(), options.ApiKey))
            return Problems.Forbidden($"Send the server's API key in the {ApiKeyHeader} header.");
        var (bytes, refusal) = await RequestBody.ReadAsync(request, options.MaxRequestBodyBytes, ct);
        if (refusal is not null) return refusal;
        var reads = Read(bytes!, request.ContentType);
        var ids = reads.Where(r => r.Article is not null).Select(r => r.Article!.Id).Distinct().ToList();
        var messages = reads.Where(r => r.Error is not null).Select(r => r.Error!.ToString()).ToList();
        if (ids.Count == 0) return Problems.BadRequest("No readable article in the request" + (messages.Count > 0 ? ": " + string.Join("; ", messages) : "."));
        var report = await Task.Run(() => service.Ingest(reads), ct);
        var result = new IngestResult(report.Read, report.Added, report.Skipped, report.Errors, ids, messages);
        return report.Added > 0 ? Results.Created($"/api/articles/{ids[0]}", result) : Results.Ok(result);
    }

    /// <summary>Reads the body with the same readers as the CLI; the content type only names the format when it is unambiguous.</summary>
    private static List<ReadResult> Read(byte[] bytes, string? contentType)
    {
        var origin = contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true ? "request.json"
            : contentType?.Contains("ndjson", StringComparison.OrdinalIgnoreCase) == true ? "request.jsonl"
            : "request.txt";
        using var stream = new MemoryStream(bytes, writable: false);
        return [.. ArticleReader.ReadStream(stream, origin)];
    }

    private static bool KeyMatches(string sent, string expected)
    {
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(sent));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return sent.Length > 0 && CryptographicOperations.FixedTimeEquals(a, b);
    }

    private static SearchPage ToPage(string query, int page, int size, SearchResponse response)
    {
        var results = response.Hits.Select(hit => new SearchResult(
            hit.Id, hit.Title, hit.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), hit.Source, hit.Category,
            Math.Round(hit.Score, 4), hit.Snippet, hit.SnippetStart,
            [.. hit.Highlights.Select(h => new[] { h.Start, h.Length })])).ToList();
        var facets = response.Facets.ToDictionary(
            f => f.Key,
            f => (IReadOnlyDictionary<string, int>)f.Value.ToDictionary(c => c.Value, c => c.Count, StringComparer.Ordinal),
            StringComparer.Ordinal);
        return new SearchPage(query, response.Total, page, size, results, facets);
    }

    private static bool TryDate(string? value, string name, out DateOnly? date, out IResult? error)
    {
        date = null;
        error = null;
        if (string.IsNullOrEmpty(value)) return true;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }
        error = Problems.BadRequest($"'{name}' must be a date as yyyy-mm-dd.");
        return false;
    }

    private static bool TryNumber(string? value, string name, int fallback, int min, int max, out int number, out IResult? error)
    {
        error = null;
        number = fallback;
        if (string.IsNullOrEmpty(value)) return true;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= min && number <= max) return true;
        error = Problems.BadRequest($"'{name}' must be a whole number from {min} to {max}.");
        return false;
    }
}
