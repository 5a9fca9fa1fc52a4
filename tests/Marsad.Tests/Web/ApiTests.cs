using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Web;

namespace Marsad.Tests.Web;

/// <summary>The HTTP API over a real Kestrel server on a loopback port.</summary>
[Collection(WebCollection.Name)]
public sealed class ApiTests(WebServerFixture server)
{
    private HttpClient Client => server.Client;

    private async Task<JsonObject> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static string Q(string value) => Uri.EscapeDataString(value);

    [Fact]
    public async Task Search_returns_ranked_results_with_highlights_and_facets()
    {
        var page = await Json(await Client.GetAsync("/api/search?q=" + Q("النفط")), HttpStatusCode.OK);
        var results = page["results"]!.AsArray();
        Assert.True(page["total"]!.GetValue<int>() >= 3);
        Assert.Equal(results.Count, Math.Min(10, page["total"]!.GetValue<int>()));
        foreach (var hit in results)
        {
            Assert.Matches("^[0-9a-f]{16}$", hit!["id"]!.GetValue<string>());
            var snippet = hit["snippet"]!.GetValue<string>();
            var highlights = hit["highlights"]!.AsArray();
            Assert.NotEmpty(highlights);
            foreach (var range in highlights)
            {
                var word = snippet.Substring(range![0]!.GetValue<int>(), range[1]!.GetValue<int>());
                Assert.Contains("نفط", word, StringComparison.Ordinal);
            }
            Assert.True(hit["score"]!.GetValue<double>() > 0);
        }
        var facets = page["facets"]!.AsObject();
        Assert.Equal(["category", "month", "person", "place", "source", "topic"], facets.Select(f => f.Key).Order());
        Assert.Equal(page["total"]!.GetValue<int>(), facets["month"]!.AsObject().Sum(m => m.Value!.GetValue<int>()));
        Assert.True(facets["category"]!["economy"]!.GetValue<int>() >= 2);
    }

    [Fact]
    public async Task Filters_narrow_the_results()
    {
        var all = await Json(await Client.GetAsync("/api/search?q=" + Q("الليبي ليبيا مصر الخليج")), HttpStatusCode.OK);
        var sport = await Json(await Client.GetAsync("/api/search?category=sport&q=" + Q("الليبي ليبيا مصر الخليج")), HttpStatusCode.OK);
        var dated = await Json(await Client.GetAsync("/api/search?from=2024-03-01&to=2024-04-30&q=" + Q("الليبي ليبيا مصر الخليج")), HttpStatusCode.OK);
        Assert.True(sport["total"]!.GetValue<int>() < all["total"]!.GetValue<int>());
        Assert.All(sport["results"]!.AsArray(), hit => Assert.Equal("sport", hit!["category"]!.GetValue<string>()));
        Assert.All(dated["results"]!.AsArray(), hit => Assert.InRange(hit!["date"]!.GetValue<string>(), "2024-03-01", "2024-04-30"));
    }

    [Fact]
    public async Task Paging_is_bounded_and_pages_do_not_overlap()
    {
        const string words = "الليبي ليبيا مصر الخليج النفط";
        var first = await Json(await Client.GetAsync($"/api/search?size=2&page=1&q={Q(words)}"), HttpStatusCode.OK);
        var second = await Json(await Client.GetAsync($"/api/search?size=2&page=2&q={Q(words)}"), HttpStatusCode.OK);
        Assert.Equal(2, first["results"]!.AsArray().Count);
        Assert.Equal(2, second["pageSize"]!.GetValue<int>());
        var ids = first["results"]!.AsArray().Concat(second["results"]!.AsArray()).Select(h => h!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var refused in new[] { "size=51", "size=0", "page=0", "page=-1", "page=1000&size=50", "size=abc", "from=2024-02-30", "to=yesterday" })
        {
            var response = await Client.GetAsync($"/api/search?q={Q(words)}&{refused}");
            var problem = await Json(response, HttpStatusCode.BadRequest);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(400, problem["status"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Article_by_id_is_the_full_analysis_with_the_body_restored()
    {
        var hit = (await Json(await Client.GetAsync("/api/search?q=" + Q("أرامكو")), HttpStatusCode.OK))["results"]![0]!;
        var response = await Client.GetAsync("/api/articles/" + hit["id"]!.GetValue<string>());
        var article = await Json(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = article["body"]!.GetValue<string>();
        Assert.Equal(hit["title"]!.GetValue<string>(), article["title"]!.GetValue<string>());
        Assert.StartsWith("أعلنت شركة أرامكو", body, StringComparison.Ordinal);
        foreach (var sentence in article["sentences"]!.AsArray())
        {
            var (start, end) = (sentence!["start"]!.GetValue<int>(), sentence["end"]!.GetValue<int>());
            Assert.Equal(body[start..end], sentence["text"]!.GetValue<string>());
        }
        var entities = article["entities"]!.AsArray();
        Assert.Contains(entities, e => e!["type"]!.GetValue<string>() == "ORG");
        foreach (var entity in entities)
            Assert.Equal(entity!["text"]!.GetValue<string>(), body[entity["start"]!.GetValue<int>()..entity["end"]!.GetValue<int>()]);
        Assert.Equal("economy", article["topic"]!["label"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("0000000000000000")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("ZZZZ")]
    public async Task Unknown_articles_are_404_problems(string id)
    {
        var response = await Client.GetAsync("/api/articles/" + id);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Analyze_reads_plain_text_and_json_without_storing()
    {
        const string text = "وزير الاقتصاد يزور بنغازي\n\nزار وزير الاقتصاد مدينة بنغازي اليوم والتقى رجال الأعمال في غرفة التجارة. وقال إن الحكومة تدعم المشاريع الصغيرة.";
        var before = server.Store.Count();
        var plain = await Json(await Client.PostAsync("/api/analyze", new StringContent(text, Encoding.UTF8, "text/plain")), HttpStatusCode.OK);
        Assert.Equal("وزير الاقتصاد يزور بنغازي", plain["title"]!.GetValue<string>());
        Assert.Equal(2, plain["sentenceCount"]!.GetValue<int>());
        Assert.Contains(plain["entities"]!.AsArray(), e => e!["text"]!.GetValue<string>() == "بنغازي" && e["type"]!.GetValue<string>() == "LOC");

        var json = JsonSerializer.Serialize(new { title = "مباراة ودية في مصراتة", date = "2024-05-01", body = "فاز المنتخب الليبي في مباراة ودية أقيمت في مصراتة أمام جماهير غفيرة." });
        var analysed = await Json(await Client.PostAsync("/api/analyze", new StringContent(json, Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        Assert.Equal("2024-05-01", analysed["date"]!.GetValue<string>());
        Assert.StartsWith("فاز المنتخب", analysed["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, server.Store.Count());

        await Json(await Client.PostAsync("/api/analyze", new StringContent("", Encoding.UTF8, "text/plain")), HttpStatusCode.BadRequest);
        await Json(await Client.PostAsync("/api/analyze", new StringContent("{\"title\":\"بلا نص\"}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Oversized_bodies_are_refused_with_413()
    {
        var huge = "خبر\n\n" + string.Concat(Enumerable.Repeat("كلمة ", 260_000));
        Assert.True(Encoding.UTF8.GetByteCount(huge) > 1024 * 1024);
        // With Expect: 100-continue the client waits for the server's verdict before sending the megabyte, as careful
        // clients do; the server answers from Content-Length alone, so the connection is not cut mid-upload.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/analyze") { Content = new StringContent(huge, Encoding.UTF8, "text/plain") };
        request.Headers.ExpectContinue = true;
        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(413, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Ingest_needs_the_configured_api_key()
    {
        var json = JsonSerializer.Serialize(new
        {
            title = "افتتاح معرض الكتاب في مدينة مصراتة",
            date = "2024-12-20",
            source = "اختبار",
            body = "افتتح عميد بلدية مصراتة معرض الكتاب السنوي بمشاركة دور نشر من تونس ومصر. ويستمر المعرض عشرة أيام.",
        });
        HttpRequestMessage Request(string? key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (key is not null) request.Headers.Add("X-Api-Key", key);
            return request;
        }

        await Json(await Client.SendAsync(Request(null)), HttpStatusCode.Forbidden);
        await Json(await Client.SendAsync(Request("wrong")), HttpStatusCode.Forbidden);
        await Json(await Client.SendAsync(Request("")), HttpStatusCode.Forbidden);

        var created = await Client.SendAsync(Request(WebServerFixture.ApiKey));
        var result = await Json(created, HttpStatusCode.Created);
        Assert.Equal(1, result["added"]!.GetValue<int>());
        var id = result["ids"]![0]!.GetValue<string>();
        Assert.EndsWith("/api/articles/" + id, created.Headers.Location!.ToString(), StringComparison.Ordinal);
        var found = await Json(await Client.GetAsync("/api/search?q=" + Q("معرض الكتاب مصراتة")), HttpStatusCode.OK);
        Assert.Equal(id, found["results"]![0]!["id"]!.GetValue<string>());

        var again = await Json(await Client.SendAsync(Request(WebServerFixture.ApiKey)), HttpStatusCode.OK);
        Assert.Equal(0, again["added"]!.GetValue<int>());
        Assert.Equal(1, again["skipped"]!.GetValue<int>());
    }

    [Fact]
    public async Task Analyses_past_the_rate_limit_get_429_with_a_problem_and_retry_after()
    {
        await using var limited = server.Start(new MarsadWebOptions { AnalyzePerSecond = 1 });
        await limited.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(limited.Urls.Single()) };
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await client.PostAsync("/api/analyze", new StringContent("عنوان\n\nنص قصير عن طرابلس.", Encoding.UTF8, "text/plain"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused ??= response;
        }

        // A burst of two is allowed, then one a second: six at once cannot all pass.
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.NotNull(refused);
        Assert.Equal("1", refused.Headers.RetryAfter!.ToString());
        var problem = await Json(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=" + Q("طرابلس"))).StatusCode);
    }

    [Fact]
    public async Task Ingest_is_refused_when_no_key_is_configured()
    {
        await using var keyless = server.Start(new MarsadWebOptions { ApiKey = null });
        await keyless.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(keyless.Urls.Single()) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent("عنوان\n\nنص قصير.", Encoding.UTF8, "text/plain") };
        request.Headers.Add("X-Api-Key", "anything");
        var problem = await Json(await client.SendAsync(request), HttpStatusCode.Forbidden);
        Assert.Contains("--api-key", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "\"", "\"\"\"", "+", "-", "*", "-*", "AND", "OR OR AND", "((((", ")]}", "\\", "%00", "%C0%AF", "%ED%A0%80", "%FF%FE",
        "' OR 1=1 --", "<script>alert(1)</script>", "title:النفط", "النفط~2", "النفط^10", "/.*/", "?*", "\u202Eالنفط\u202C",
        "\u0640\u0640\u0640", "ـ", string.Concat(Enumerable.Repeat("ا ", 600)), string.Concat(Enumerable.Repeat("+\"ب\" ", 150)), string.Concat(Enumerable.Repeat("و", 1100)),
        new string('*', 2000),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Hostile_queries_give_results_or_400_never_500(string query)
    {
        var raw = query.StartsWith('%') ? query : Q(query);
        foreach (var url in new[] { "/api/search?q=" + raw, "/api/search?source=" + raw + "&q=" + Q("النفط"), "/api/search?q=" + Q("النفط") + "&category=" + raw })
        {
            var response = await Client.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url[..Math.Min(url.Length, 120)]} → {(int)response.StatusCode}: {text}");
            var parsed = JsonNode.Parse(text)!;
            if (response.StatusCode == HttpStatusCode.OK) Assert.NotNull(parsed["results"]);
            else Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task An_html_title_is_returned_as_data()
    {
        var response = await Client.GetAsync("/api/articles/" + server.HostileId);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<img", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", raw, StringComparison.Ordinal);
        Assert.Equal(WebServerFixture.HostileTitle, JsonNode.Parse(raw)!["title"]!.GetValue<string>());
        var search = await Client.GetStringAsync("/api/search?q=" + Q("الجفرة"));
        Assert.DoesNotContain("<img", search, StringComparison.Ordinal);
        Assert.Equal(WebServerFixture.HostileTitle, JsonNode.Parse(search)!["results"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_openapi_and_site_are_served()
    {
        var health = await Json(await Client.GetAsync("/health"), HttpStatusCode.OK);
        Assert.Equal("ok", health["status"]!.GetValue<string>());
        Assert.True(health["articles"]!.GetValue<int>() >= server.SampleCount);

        var openApi = await Json(await Client.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = openApi["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/search", "/api/articles/{id}", "/api/analyze", "/api/articles", "/health" }) Assert.Contains(path, paths);

        var page = await Client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("Access-Control-Allow-Origin"));
        foreach (var asset in new[] { "/article.html", "/js/search.js", "/css/site.css", "/lib/leaflet/leaflet.js", "/lib/topojson-client/topojson-client.min.js",
                     "/lib/world-atlas/countries-50m.json", "/lib/noto-naskh-arabic/noto-naskh-arabic-arabic-400-normal.woff2" })
        {
            using var response = await Client.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/lib/nothing.js")).StatusCode);
    }

    [Fact]
    public void The_demo_corpus_is_team_written_arabic_with_dates_sources_and_categories()
    {
        var articles = DemoCorpus.Articles();
        Assert.InRange(articles.Count, 10, 20);
        Assert.Equal(articles.Count, articles.Select(a => a.Id).Distinct().Count());
        Assert.Equal(articles.Count, server.SampleCount);
        Assert.All(articles, a =>
        {
            Assert.NotNull(a.Date);
            Assert.False(string.IsNullOrEmpty(a.Source));
            Assert.Contains(a.Category, new[] { "politics", "economy", "sport", "society" });
            Assert.Contains(a.Body, c => c is >= '\u0621' and <= '\u064A');
        });
    }
}
