using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Marsad.Web;

namespace Marsad.Tests.Web;

/// <summary>
/// Requests meant to break the server, beyond the hostile queries of <see cref="ApiTests"/>: path traversal written
/// past the client's own URL clean-up (raw HTTP over a socket), oversized and chunked bodies, malformed and deeply
/// nested JSON, unicode tricks that must neither crash nor change what a query finds, SQL in ids, unexpected methods and
/// content types, and CORS, which stays off unless an origin is named. Nothing may answer 500 or leak a file.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HostileRequestTests(WebServerFixture server)
{
    private HttpClient Client => server.Client;

    private static string Q(string value) => Uri.EscapeDataString(value);

    /// <summary>Sends bytes as they are (no URL normalisation) and returns the status code and the body.</summary>
    private async Task<(int Status, string Body)> Raw(string requestLine, string? extraHeaders = null)
    {
        var (status, _, body) = await RawWithHeaders(requestLine, extraHeaders);
        return (status, body);
    }

    private async Task<(int Status, string Headers, string Body)> RawWithHeaders(string requestLine, string? extraHeaders = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var request = $"{requestLine} HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nConnection: close\r\n{extraHeaders}\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var cut = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return cut < 0 ? (status, response, "") : (status, response[..cut], response[(cut + 4)..]);
    }

    public static TheoryData<string> TraversalPaths => new()
    {
        "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/lib/..%2f..%2f..%2f..%2fetc%2fpasswd", "/js/..%5c..%5c..%5cetc%5cpasswd",
        "//etc/passwd", "/lib/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2F%2Fetc%2Fpasswd", "/lib/leaflet/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "/marsad.dll", "/Marsad.Web.dll", "/appsettings.json", "/wwwroot/index.html", "/index.html%00.js", "/.git/config", "/lib/../../marsad.dll",
        "/lib/leaflet/leaflet.js/../../../../../proc/self/environ", "/api/articles/..%2f..%2fetc%2fpasswd", "/js/search.js%20", "/JS/SEARCH.JS",
    };

    [Theory]
    [MemberData(nameof(TraversalPaths))]
    public async Task Path_traversal_never_reaches_a_file_outside_the_site(string path)
    {
        var (status, body) = await Raw("GET " + path);
        Assert.True(status is 400 or 404, $"{path} → {status}: {body[..Math.Min(body.Length, 200)]}");
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("PATH=", body, StringComparison.Ordinal);
        Assert.False(body.StartsWith("MZ", StringComparison.Ordinal), "a binary was served");
    }

    [Fact]
    public async Task Oversized_ingest_bodies_are_413_whether_declared_or_streamed_in_chunks()
    {
        var huge = string.Concat(Enumerable.Repeat("{\"title\":\"عنوان\",\"body\":\"نص طويل جدا\"}\n", 40_000));
        Assert.True(Encoding.UTF8.GetByteCount(huge) > 1024 * 1024);
        var before = server.Store.Count();

        using var declared = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(huge, Encoding.UTF8, "application/x-ndjson") };
        declared.Headers.Add("X-Api-Key", WebServerFixture.ApiKey);
        declared.Headers.ExpectContinue = true;
        var declaredResponse = await Client.SendAsync(declared);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declaredResponse.StatusCode);
        Assert.Equal("application/problem+json", declaredResponse.Content.Headers.ContentType!.MediaType);

        // No Content-Length: the server counts what actually arrives.
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/analyze") { Content = new PushContent(Encoding.UTF8.GetBytes("عنوان\n\n" + huge)) };
        chunked.Headers.TransferEncodingChunked = true;
        HttpResponseMessage? chunkedResponse = null;
        try
        {
            chunkedResponse = await Client.SendAsync(chunked);
        }
        catch (HttpRequestException)
        {
            // The server may close the connection once the limit is passed, before the client has sent everything.
        }
        if (chunkedResponse is not null) Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunkedResponse.StatusCode);
        Assert.Equal(before, server.Store.Count());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health")).StatusCode);
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "application/json", new string('[', 100_000) },
        { "application/json", "{\"title\":" + new string('[', 10_000) + new string(']', 10_000) + ",\"body\":\"نص\"}" },
        { "application/json", "{\"title\":\"\\ud800\",\"body\":\"نص \\udfff مكسور\"}" },
        { "application/json", "{\"title\":\"عنوان\",\"body\":\"نص\"" },
        { "application/json", "null" },
        { "application/json", "\"just a string\"" },
        { "application/x-www-form-urlencoded", "title=%D8%B9&body=%3Cscript%3E" },
        { "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--" },
        { "text/plain", "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" },
        { "text/plain", "<html><script>alert(1)</script></html>" },
        { "text/plain; charset=utf-16", "عنوان\n\nنص" },
        { "image/png", "\u0089PNG\r\n\u001a\n" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_bodies_are_400_problems_or_analysed_never_500(string contentType, string body)
    {
        foreach (var path in new[] { "/api/analyze", "/api/articles" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            request.Headers.Add("X-Api-Key", WebServerFixture.ApiKey);
            var response = await Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Created,
                $"{path} {contentType} → {(int)response.StatusCode}: {text[..Math.Min(200, text.Length)]}");
            if (response.StatusCode == HttpStatusCode.BadRequest) Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    public static TheoryData<string> InvisibleVariants => new()
    {
        "\u202Eالنفط\u202C", "\u200Fالنفط", "الن\u200Bفط", "الن\u200Dف\u200Cط", "\uFEFFالنفط", "النّفْطُ", "الــنــفــط", "ﺍﻟﻨﻔﻂ",
    };

    [Theory]
    [MemberData(nameof(InvisibleVariants))]
    public async Task Invisible_characters_marks_and_presentation_forms_find_what_the_plain_word_finds(string query)
    {
        var plain = JsonNode.Parse(await Client.GetStringAsync("/api/search?q=" + Q("النفط")))!["total"]!.GetValue<int>();
        var response = await Client.GetAsync("/api/search?q=" + Q(query));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(plain, JsonNode.Parse(text)!["total"]!.GetValue<int>());
    }

    public static TheoryData<string> BrokenEncodings => new()
    {
        "%ED%A0%80%ED%B0%80", "%ED%B0%80", "%F4%90%80%80", "%F8%88%80%80%80", "%C0%80", "%E0%80%AF", "%FE%FF", "%D8", "%D8%A7%D9", "%25", "%%%",
        string.Concat(Enumerable.Repeat("%CC%81", 900)), "%E2%80%AE%D8%A7%D9%84%D9%86%D9%81%D8%B7", "a%00b", "%0D%0ASet-Cookie:%20x=1",
    };

    [Theory]
    [MemberData(nameof(BrokenEncodings))]
    public async Task Broken_percent_encoding_lone_surrogates_and_header_injection_never_fail(string raw)
    {
        foreach (var url in new[] { "/api/search?q=" + raw, "/api/search?q=" + Q("النفط") + "&place=" + raw, "/api/search?person=" + raw, "/api/articles/" + raw })
        {
            var (status, headers, body) = await RawWithHeaders("GET " + url);
            Assert.True(status is 200 or 400 or 404, $"{url[..Math.Min(url.Length, 100)]} → {status}: {body[..Math.Min(body.Length, 200)]}");
            Assert.DoesNotContain("Set-Cookie", headers, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Very_long_urls_and_many_parameters_are_refused_cleanly()
    {
        var (status, _) = await Raw("GET /api/search?q=" + new string('ب', 40_000));
        Assert.True(status is 400 or 414 or 431, $"→ {status}");
        var (many, _) = await Raw("GET /api/search?" + string.Join("&", Enumerable.Range(0, 2000).Select(i => $"q={i}")));
        Assert.True(many is 200 or 400 or 414 or 431, $"→ {many}");
        var (header, _) = await Raw("GET /api/search?q=x", $"X-Big: {new string('a', 100_000)}\r\n");
        Assert.True(header is 400 or 431, $"→ {header}");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData("' OR '1'='1")]
    [InlineData("1; DROP TABLE articles; --")]
    [InlineData("0000000000000000' UNION SELECT * FROM articles --")]
    [InlineData("%27%20OR%201=1--")]
    public async Task Sql_in_article_ids_is_just_an_unknown_id(string id)
    {
        var response = await Client.GetAsync("/api/articles/" + (id.Contains('%') ? id : Q(id)));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(server.Store.Count() >= server.SampleCount);
    }

    [Fact]
    public async Task Unexpected_methods_are_refused()
    {
        foreach (var (method, path) in new[] { ("DELETE", "/api/articles/" + server.HostileId), ("PUT", "/api/articles"), ("TRACE", "/"), ("PATCH", "/api/search"), ("DELETE", "/health") })
        {
            var (status, body) = await Raw($"{method} {path}", "Content-Length: 0\r\n");
            Assert.True(status is 404 or 405, $"{method} {path} → {status}");
            Assert.DoesNotContain("X-Api-Key", body, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/articles/" + server.HostileId)).StatusCode);
    }

    [Fact]
    public async Task Cors_is_off_by_default_and_only_for_the_named_origin_when_on()
    {
        async Task<HttpResponseMessage> Preflight(HttpClient client, string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/api/search?q=x");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "GET");
            return await client.SendAsync(request);
        }
        async Task<HttpResponseMessage> Get(HttpClient client, string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=" + Q("النفط"));
            request.Headers.Add("Origin", origin);
            return await client.SendAsync(request);
        }

        foreach (var response in new[] { await Preflight(Client, "https://evil.example"), await Get(Client, "https://evil.example"), await Get(Client, "null") })
        {
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
            Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        }

        await using var open = server.Start(new MarsadWebOptions { CorsOrigins = ["https://news.example"] });
        await open.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(open.Urls.Single()) };
        Assert.Equal("https://news.example", (await Preflight(client, "https://news.example")).Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("https://news.example", (await Get(client, "https://news.example")).Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False((await Preflight(client, "https://evil.example")).Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False((await Get(client, "https://news.example.evil.example")).Headers.Contains("Access-Control-Allow-Origin"));
    }

    /// <summary>Content without a known length, written in pieces, so the client sends it chunked.</summary>
    private sealed class PushContent(byte[] data) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var i = 0; i < data.Length; i += 64 * 1024)
                await stream.WriteAsync(data.AsMemory(i, Math.Min(64 * 1024, data.Length - i)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
