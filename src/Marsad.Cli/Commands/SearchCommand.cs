using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Marsad.Search;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad search QUERY</c>: BM25-ranked articles with highlighted snippets and facet counts.</summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words (OR, ranked), +required, -excluded, \"a phrase\", prefix*." };
        var limit = new Option<int>("--limit") { Description = "Results to show (default 10).", DefaultValueFactory = _ => 10 };
        var from = new Option<string?>("--from") { Description = "Earliest date (yyyy-mm-dd)." };
        var to = new Option<string?>("--to") { Description = "Latest date (yyyy-mm-dd)." };
        var source = new Option<string?>("--source") { Description = "Only this source (exact)." };
        var category = new Option<string?>("--category") { Description = "Only this category (exact)." };
        var topic = new Option<string?>("--topic") { Description = "Only this topic (e.g. middleEast, sport)." };
        var place = new Option<string?>("--place") { Description = "Only articles naming this place (e.g. درنة)." };
        var person = new Option<string?>("--person") { Description = "Only articles naming this person (e.g. حفتر)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object {total, results, facets}." };
        var store = new StoreOptions();
        var command = new Command("search", "Search stored articles.") { query, limit, from, to, source, category, topic, place, person, json };
        store.AddTo(command);
        command.SetAction(result =>
        {
            var request = new SearchRequest(result.GetValue(query)!)
            {
                Limit = Math.Clamp(result.GetValue(limit), 1, 1000),
                From = Date(result.GetValue(from), "--from"),
                To = Date(result.GetValue(to), "--to"),
                Source = result.GetValue(source),
                Category = result.GetValue(category),
                Topic = result.GetValue(topic),
                Place = result.GetValue(place),
                Person = result.GetValue(person),
            };
            var (articles, index) = store.Open(result);
            using var storeScope = articles;
            using var indexScope = index;
            SearchResponse response;
            try
            {
                response = index.Search(request);
            }
            catch (QuerySyntaxException e)
            {
                throw new CliException($"query refused: {e.Message}");
            }
            if (result.GetValue(json)) JsonOutput.Print(ToJson(response));
            else Print(response);
            return 0;
        });
        return command;
    }

    private static DateOnly? Date(string? value, string option)
    {
        if (value is null) return null;
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliException($"{option} {value}: expected a date as yyyy-mm-dd");
    }

    private static JsonObject ToJson(SearchResponse response)
    {
        var results = new JsonArray();
        foreach (var hit in response.Hits)
        {
            var highlights = new JsonArray();
            foreach (var (start, length) in hit.Highlights) highlights.Add(new JsonArray(start, length));
            results.Add(new JsonObject
            {
                ["id"] = hit.Id,
                ["title"] = hit.Title,
                ["date"] = hit.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["source"] = hit.Source,
                ["category"] = hit.Category,
                ["score"] = JsonOutput.Round(hit.Score),
                ["snippet"] = hit.Snippet,
                ["snippetStart"] = hit.SnippetStart,
                ["highlights"] = highlights,
            });
        }
        var facets = new JsonObject();
        foreach (var (name, counts) in response.Facets)
        {
            var values = new JsonObject();
            foreach (var count in counts) values[count.Value] = count.Count;
            facets[name] = values;
        }
        return new JsonObject { ["total"] = response.Total, ["results"] = results, ["facets"] = facets };
    }

    private static void Print(SearchResponse response)
    {
        AnsiConsole.MarkupLine($"[bold]{response.Total:N0}[/] articles");
        foreach (var hit in response.Hits)
        {
            AnsiConsole.WriteLine();
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(hit.Title)}[/]  [grey]{hit.Date:yyyy-MM-dd} {Markup.Escape(hit.Source ?? "")} {hit.Score:F2} {hit.Id}[/]");
            AnsiConsole.MarkupLine(Highlight(hit));
        }
        foreach (var (name, counts) in response.Facets)
        {
            if (counts.Count == 0) continue;
            var line = new StringBuilder();
            foreach (var count in counts.Take(8)) line.Append(CultureInfo.InvariantCulture, $"{Markup.Escape(count.Value)} ({count.Count})  ");
            AnsiConsole.MarkupLine($"[grey]{name}:[/] {line}");
        }
    }

    /// <summary>Marks matched words in yellow; every piece of article text is escaped, so it is never read as markup.</summary>
    private static string Highlight(SearchHit hit)
    {
        var text = new StringBuilder();
        var position = 0;
        foreach (var (start, length) in hit.Highlights)
        {
            text.Append(Markup.Escape(hit.Snippet[position..start]));
            text.Append("[yellow]").Append(Markup.Escape(hit.Snippet.Substring(start, length))).Append("[/]");
            position = start + length;
        }
        text.Append(Markup.Escape(hit.Snippet[position..]));
        return text.ToString();
    }
}
