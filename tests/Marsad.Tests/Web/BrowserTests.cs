using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Marsad.Tests.Web;

/// <summary>
/// The pages as a browser renders them: headless Chromium (Debian package, installed by scripts/ensure-chromium.sh)
/// loads each page from the test server, and the test reads the DOM it produced. Screenshots are written to
/// TestResults/screenshots/ beside the test binaries for people to look at.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class BrowserTests(WebServerFixture server)
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    [Fact]
    public async Task Search_page_lists_highlighted_results_facets_timeline_and_the_map()
    {
        var url = "/?q=" + Uri.EscapeDataString("النفط");
        var dom = await Render(url, "search.png");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", dom, StringComparison.Ordinal);
        Assert.True(Count(dom, "<li class=\"hit\">") >= 3, "expected at least 3 results in the DOM:\n" + Head(dom));
        Assert.Contains("أرامكو تعلن ارتفاع أرباحها الفصلية", dom, StringComparison.Ordinal);
        Assert.Matches("<mark>[^<]*نفط</mark>", dom);
        Assert.Contains("class=\"facet-list\"", dom, StringComparison.Ordinal);
        Assert.True(Count(dom, "class=\"bar\"") >= 3, "expected a timeline bar per month");
        AssertMap(dom);
        await Render(url, "search-phone.png", width: 390, height: 1800);
    }

    [Fact]
    public async Task Article_page_shows_title_metadata_entities_and_the_map()
    {
        var id = (await server.Client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("السيسي بلينكن"))).Split("\"id\":\"")[1][..16];
        var dom = await Render("/article.html?id=" + id, "article.png");
        Assert.Contains("الرئيس المصري يستقبل وزير الخارجية الأمريكي في القاهرة</h1>", dom, StringComparison.Ordinal);
        Assert.Matches("<mark class=\"entity entity-PERS\"[^>]*>عبد الفتاح السيسي</mark>", dom);
        Assert.Matches("<mark class=\"entity entity-LOC\"[^>]*>القاهرة</mark>", dom);
        Assert.Contains("صحيفة النيل", dom, StringComparison.Ordinal);
        AssertMap(dom);
    }

    [Fact]
    public async Task Article_page_underlines_events_and_lists_them_beside_the_text()
    {
        var id = (await server.Client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("الزاوية قذائف"))).Split("\"id\":\"")[1][..16];
        var dom = await Render("/article.html?id=" + id, "article-events.png");
        Assert.Contains("اشتباكات مسلحة في مدينة الزاوية", dom, StringComparison.Ordinal);
        // Triggers underlined in the body, inside the sentences they were read from, each linked to its list entry.
        Assert.Matches("<span class=\"event-sentence\"[^>]*>[^<]*<a class=\"event-trigger family-violence\" id=\"trigger-0\" href=\"#event-0\"[^>]*>اشتباكات</a>", dom);
        Assert.True(Count(dom, "class=\"event-trigger") >= 3, "expected at least 3 underlined triggers:\n" + Head(dom));
        // The side list: actor → action → target, place, date, modality badge, confidence.
        var list = EventList().Match(dom);
        Assert.True(list.Success, "no event list:\n" + Head(dom));
        Assert.True(Count(list.Value, "<li id=\"event-") >= 3);
        Assert.Contains("اشتباك مسلح", list.Value, StringComparison.Ordinal);
        Assert.Contains("في الزاوية", list.Value, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge modality-occurred\">وقع</span>", list.Value, StringComparison.Ordinal);
        Assert.Matches("ثقة [0-9٠-٩]+٪", list.Value);
        Assert.Contains("قتلى: ", list.Value, StringComparison.Ordinal);
        // Events on the article's map too.
        AssertMap(dom);
        Assert.Contains("event-", dom[dom.IndexOf("leaflet-container", StringComparison.Ordinal)..], StringComparison.Ordinal);
        await Render("/article.html?id=" + id, "article-events-phone.png", width: 390, height: 2400);
    }

    [Fact]
    public async Task Events_map_clusters_points_and_lists_places_that_filter_the_page()
    {
        var dom = await Render("/", "events-map.png", height: 2400);
        AssertMap(dom);
        var map = dom[dom.IndexOf("leaflet-container", StringComparison.Ordinal)..];
        Assert.True(Count(map, "event-cluster") + Count(map, "event-marker") >= 3, "expected clustered event points on the map:\n" + Head(map));
        Assert.Matches("<a href=\"/\\?place=%D8%A7%D9%84%D8%B2%D8%A7%D9%88%D9%8A%D8%A9\" class=\"chip\" aria-pressed=\"false\">الزاوية", dom);
        Assert.True(Count(dom, "<span class=\"bar events") >= 3, "expected event bars in the timeline");
        Assert.Contains("<ol id=\"event-list\" class=\"event-list compact\"><li class=\"event\">", dom, StringComparison.Ordinal);

        // What choosing الزاوية on the map does: articles and events filtered by the place.
        var filtered = await Render("/?place=" + Uri.EscapeDataString("الزاوية"), "events-place.png", height: 2400);
        Assert.Contains("اشتباكات مسلحة في مدينة الزاوية", filtered, StringComparison.Ordinal);
        var events = EventListCompact().Match(filtered);
        Assert.True(events.Success, Head(filtered));
        Assert.Contains("في الزاوية", events.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("في القاهرة", events.Value, StringComparison.Ordinal);
        Assert.Contains("aria-pressed=\"true\">الزاوية", filtered, StringComparison.Ordinal);
        await Render("/?place=" + Uri.EscapeDataString("الزاوية"), "events-place-phone.png", width: 390, height: 2600);
    }

    [Fact]
    public async Task Html_in_article_text_is_rendered_as_text()
    {
        var article = await Render("/article.html?id=" + server.HostileId, "article-hostile.png");
        var title = TitleElement().Match(article);
        Assert.True(title.Success, "article title missing:\n" + Head(article));
        Assert.Contains("&lt;img src=x onerror=", title.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", article, StringComparison.Ordinal);
        Assert.Contains("<title>&lt;img src=x onerror=", article, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", article, StringComparison.Ordinal);
        Assert.Matches("<mark class=\"entity entity-LOC\"[^>]*>طرابلس</mark>", article);

        var search = await Render("/?q=" + Uri.EscapeDataString("الجفرة"), "search-hostile.png");
        Assert.Contains("&lt;img src=x onerror=", search, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", search, StringComparison.Ordinal);
        Assert.DoesNotContain("<title>pwned", search, StringComparison.Ordinal);
    }

    private static void AssertMap(string dom)
    {
        Assert.Contains("leaflet-container", dom, StringComparison.Ordinal);
        var svg = dom.IndexOf("<svg", dom.IndexOf("leaflet-container", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(svg > 0, "the map has no SVG layer (country borders did not load)");
        Assert.True(Count(dom[svg..], "<path") > 100, "expected the country borders as SVG paths");
    }

    /// <summary>Renders <paramref name="path"/> in headless Chromium, saves a screenshot, and returns the DOM after scripts ran.</summary>
    private async Task<string> Render(string path, string screenshot, int width = 1280, int height = 1600)
    {
        Assert.True(File.Exists(Chromium),
            $"{Chromium} is missing: the browser tests need Debian's chromium. Run 'bash scripts/ensure-chromium.sh' (scripts/test.sh does).");
        Directory.CreateDirectory(Screenshots);
        var url = new Uri(server.BaseAddress, path).ToString();
        var profile = Directory.CreateTempSubdirectory("marsad-chromium-").FullName;
        try
        {
            var dom = await RunChromium(profile, url, width, height, "--dump-dom");
            await RunChromium(profile, url, width, height, "--screenshot=" + Path.Combine(Screenshots, screenshot));
            Assert.True(File.Exists(Path.Combine(Screenshots, screenshot)), "Chromium wrote no screenshot " + screenshot);
            return dom;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static async Task<string> RunChromium(string profile, string url, int width, int height, string action)
    {
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=ar",
                     "--user-data-dir=" + profile, $"--window-size={width},{height}", "--virtual-time-budget=5000", action, url,
                 })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Chromium);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Chromium did not finish {action} of {url} within 60 s:\n{await stderr}");
        }
        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode} on {url}:\n{await stderr}");
        return await stdout;
    }

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));

    private static string Head(string dom) => dom.Length > 3000 ? dom[..3000] : dom;

    [GeneratedRegex("<h1 id=\"title\">(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex TitleElement();

    [GeneratedRegex("<ol id=\"events\" class=\"event-list\">.*?</ol>", RegexOptions.Singleline)]
    private static partial Regex EventList();

    [GeneratedRegex("<ol id=\"event-list\" class=\"event-list compact\">.*?</ol>", RegexOptions.Singleline)]
    private static partial Regex EventListCompact();
}
