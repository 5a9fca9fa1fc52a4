using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marsad.Tests.Web;

/// <summary>
/// XSS payloads in every field an article has, ingested over the API and rendered by headless Chromium: the pages show
/// them as text, no element or script from them reaches the DOM, and a <c>javascript:</c> URL never becomes a link.
/// </summary>
public sealed partial class BrowserTests
{
    [Fact]
    public async Task Script_payloads_in_every_article_field_render_as_text()
    {
        var article = JsonSerializer.Serialize(new
        {
            title = "\"><svg onload=\"document.title='xss-title'\"> أخبار غدامس <iframe src=\"javascript:document.title='xss-frame'\"></iframe>",
            date = "2024-11-05",
            source = "<img src=x onerror=\"document.title='xss-source'\">",
            category = "\"><script>document.title='xss-category'</script>",
            url = "javascript:document.title='xss-url'",
            body = "زار وفد من بلدية غدامس واحة الصحراء لبحث مشاريع المياه. <a href=\"javascript:document.title='xss-link'\">اضغط هنا</a> " +
                   "</textarea></title><script>document.title='xss-body'</script> {{constructor.constructor('document.title=1')()}} " +
                   "وقال رئيس الوفد إن العمل يبدأ الشهر المقبل <style>body{display:none}</style> في أحياء المدينة القديمة.",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(article, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", WebServerFixture.ApiKey);
        var response = await server.Client.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, answer);
        var id = JsonNode.Parse(answer)!["ids"]![0]!.GetValue<string>();

        var page = await Render("/article.html?id=" + id, "article-xss.png");
        var search = await Render("/?q=" + Uri.EscapeDataString("غدامس"), "search-xss.png");
        foreach (var (name, dom) in new[] { ("article", page), ("search", search) })
        {
            Assert.Contains("غدامس", dom, StringComparison.Ordinal);
            foreach (var element in new[] { "<svg onload", "<iframe", "<script>document", "<img src=x", "<style>body", "<a href=\"javascript:" })
                Assert.False(dom.Contains(element, StringComparison.OrdinalIgnoreCase), $"{name} page: '{element}' reached the DOM as markup");
            Assert.DoesNotMatch("<a\\b[^<>]*href=\"javascript:", dom);
            Assert.DoesNotContain("<title>xss", dom, StringComparison.Ordinal);
            Assert.Contains("&lt;svg onload=", dom, StringComparison.Ordinal);
        }
        // Entity and event highlights may wrap words of the payload in elements of their own; the escaped text is
        // what has to be there, so it is read with those tags taken out.
        var pageText = System.Text.RegularExpressions.Regex.Replace(page, "<[^<>]*>", "");
        Assert.Contains("&lt;script&gt;document.title='xss-body'&lt;/script&gt;", pageText, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("xss-url</a>", page, StringComparison.Ordinal);
    }
}
