using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Marsad.Search;
using Marsad.Store;
using Marsad.Text;

namespace Marsad.Tests.Reliability;

/// <summary>Text for fuzzing: Arabic with its marks, presentation forms and controls, query syntax, other scripts, surrogates (lone ones too), anything.</summary>
public sealed record FuzzText(string Value)
{
    public override string ToString() => JsonSerializer.Serialize(Value);
}

/// <summary>Bytes for the readers: raw noise, or fuzz text in some encoding behind a prefix that picks a format or an archive.</summary>
public sealed record FuzzFile(string Name, byte[] Bytes)
{
    public override string ToString() => $"{Name}: {Convert.ToHexString(Bytes.AsSpan(0, Math.Min(Bytes.Length, 200)))}";
}

public static class FuzzArbitraries
{
    private static readonly char[] Syntax = "\"+-*()[]{}:~^\\/!?&|,;<>='.@_#%$`".ToCharArray();
    private static readonly char[] Spaces = [' ', ' ', '\n', '\r', '\t', '\u00A0', '\u2028', '\u3000', '\f', '\v'];
    private static readonly char[] Controls = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2069', '\u061C', '\uFEFF', '\u00AD', '\u0640', '\0', '\uFFFE', '\uFFFF', '\uFFFD'];
    private static readonly string[] Pieces = ["ال", "و", "ب", "لل", "ة", "ى", "أ", "إ", "آ", "ؤ", "ئ", "ﷲ", "ﷺ", "ﻻ", "AND", "OR", "2018", "٢٠١٨", "31/02/2018", "2018-13-45", "👩‍👩‍👧", "\uD83D", "\uDE00", "e\u0301", "<script>", "&amp;"];

    public static Gen<char> Char => Gen.Frequency(
        (30, Gen.Choose(0x0621, 0x064A).Select(c => (char)c)),
        (6, Gen.Choose(0x064B, 0x065F).Select(c => (char)c)),
        (3, Gen.Choose(0x0660, 0x06FF).Select(c => (char)c)),
        (3, Gen.Choose(0xFB50, 0xFDFF).Select(c => (char)c)),
        (3, Gen.Choose(0xFE70, 0xFEFF).Select(c => (char)c)),
        (12, Gen.Elements(Spaces)),
        (8, Gen.Elements(Syntax)),
        (4, Gen.Elements(Controls)),
        (5, Gen.Choose('a', 'z').Select(c => (char)c)),
        (3, Gen.Choose('0', '9').Select(c => (char)c)),
        (2, Gen.Choose(0xD800, 0xDFFF).Select(c => (char)c)),
        (3, Gen.Choose(0, 0xFFFF).Select(c => (char)c)));

    public static Gen<string> Text => Gen.Frequency(
        (4, Gen.ArrayOf(Char).Select(chars => new string(chars))),
        (1, Gen.ListOf(Gen.Elements(Pieces).Or(Gen.ArrayOf(Char).Select(c => new string(c)))).Select(string.Concat)),
        (1, Gen.ArrayOf(Char).Select(c => new string(c)).ScaleSize(s => s * 20)));

    public static Arbitrary<FuzzText> FuzzText() => Text.Select(t => new FuzzText(t)).ToArbitrary();

    public static Arbitrary<FuzzFile> FuzzFile()
    {
        var noise = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b));
        string[] prefixes = ["", "[", "[{\"title\":\"", "{\"title\":\"عنوان\",\"body\":\"", "{\"title\":\"ع\",\"body\":\"ن\"}\n{", "<DOC>\n<TITLE>", "<DOC><TEXT>",
            "title,body\n", "title\tbody\n\"", "عنوان\n\n", "عنوان\n\n13/02/2018\n\n", "PK\u0003\u0004", "\u001f\u008b\u0008", "<?xml", "\uFEFF"];
        var encoded = Gen.Zip(Gen.Zip(Gen.Elements(prefixes), Text), Gen.Choose(0, 4)).Select(t =>
        {
            var text = t.Item1.Item1 + t.Item1.Item2;
            return t.Item2 switch
            {
                0 => TextDecoder.Windows1256.GetBytes(text),
                1 => Encoding.Unicode.GetBytes(text),
                _ => Encoding.UTF8.GetBytes(text),
            };
        });
        var bytes = Gen.Frequency((1, noise), (4, encoded));
        string[] names = ["a.txt", "a.json", "a.jsonl", "a.csv", "a.zip", "a.tar", "a.tgz", "a.txt.gz", "a"];
        return Gen.Zip(Gen.Elements(names), bytes).Select(p => new FuzzFile(p.Item1, p.Item2)).ToArbitrary();
    }
}

/// <summary>
/// Property tests (FsCheck) over the primitives that take untrusted text: normaliser, tokenizer, analyser chain, query
/// parser and search, date lines, readers and the whole analysis. Each property names the only exception it allows.
/// </summary>
[Properties(Arbitrary = [typeof(FuzzArbitraries)], MaxTest = 300)]
public sealed class PropertyTests
{
    private static readonly Lazy<(SearchIndex Index, string Folder)> SmallIndex = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("marsad-fuzz-").FullName;
        var store = new SqliteArticleStore(folder);
        store.AddBatch([.. Enumerable.Range(0, 40).Select(i =>
        {
            var r = GeneratedNews.Record(i);
            var article = new Article(ContentId.Compute(r["title"], r["body"]), r["title"], new DateOnly(2018, 1 + i % 12, 1), r["body"], r["source"], null, "politics", null, "fuzz");
            return StoredArticle.From(article, "{\"topic\":{\"label\":\"politics\"},\"entities\":[{\"type\":\"LOC\",\"text\":\"" + GeneratedNews.Cities[i % 4] + "\"}]}");
        })]);
        var index = SearchIndex.Open(store, folder);
        index.CatchUp();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            index.Dispose();
            store.Dispose();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        };
        return (index, folder);
    });

    [Property]
    public bool Normalisation_is_idempotent_for_every_option_set(FuzzText text, ushort bits)
    {
        var options = (NormalizationOptions)(bits % 1024);
        var once = ArabicNormalizer.Normalize(text.Value, options);
        var twice = ArabicNormalizer.Normalize(once, options);
        var buffer = new char[text.Value.Length * ArabicNormalizer.MaxExpansion];
        var written = ArabicNormalizer.Normalize(text.Value, buffer, options);
        return once == twice && buffer.AsSpan(0, written).SequenceEqual(once);
    }

    [Property]
    public bool Tokens_are_in_order_inside_the_text(FuzzText text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text.Value, tokens);
        var end = 0;
        foreach (var token in tokens)
        {
            if (token.Start < end || token.Length <= 0 || token.End > text.Value.Length) return false;
            end = token.End;
        }
        return true;
    }

    [Property]
    public bool Analysed_tokens_keep_offsets_inside_the_text(FuzzText text)
    {
        var end = 0;
        foreach (var token in ArabicAnalyzerChain.ForCurrentThread.Analyze(text.Value))
        {
            var t = token.Token;
            if (t.Start < end || t.Length <= 0 || t.End > text.Value.Length) return false;
            if (token.IsIndexTerm && token.Stem.IsEmpty && token.Normalized.IsEmpty) return false;
            end = t.End;
        }
        return true;
    }

    [Property]
    public bool The_query_parser_refuses_only_with_QuerySyntaxException(FuzzText text)
    {
        try
        {
            var query = UserQuery.Parse(text.Value);
            return query.Clauses.Count <= UserQuery.MaxClauses && query.Clauses.All(c => c.Words.Count > 0 && c.Words.All(w => w.Length > 0));
        }
        catch (QuerySyntaxException)
        {
            return text.Value.Length > UserQuery.MaxLength || text.Value.Length > UserQuery.MaxClauses;
        }
    }

    [Property(MaxTest = 200)]
    public bool Search_answers_any_query_and_filter_or_refuses_with_QuerySyntaxException(FuzzText query, FuzzText filter)
    {
        var index = SmallIndex.Value.Index;
        try
        {
            var plain = index.Search(new SearchRequest(query.Value) { Limit = 5 });
            var filtered = index.Search(new SearchRequest(query.Value) { Limit = 5, Place = filter.Value, Source = filter.Value, Person = filter.Value, Topic = filter.Value });
            return plain.Hits.Count <= 5 && filtered.Total <= plain.Total + (string.IsNullOrWhiteSpace(query.Value) ? 40 : 0)
                   && plain.Hits.All(h => h.Highlights.All(r => r.Start >= 0 && r.Start + r.Length <= h.Snippet.Length));
        }
        catch (QuerySyntaxException)
        {
            return true;
        }
    }

    [Property]
    public bool Date_lines_parse_or_not_and_never_throw(FuzzText text) =>
        !DateLineParser.TryParse(text.Value, out var date) || date.Year is >= 1 and <= 9999;

    [Property(MaxTest = 500)]
    public bool Readers_never_throw_and_every_result_is_an_article_or_a_named_error(FuzzFile file)
    {
        foreach (var result in ArticleReader.ReadStream(new MemoryStream(file.Bytes), file.Name))
        {
            if ((result.Article is null) == (result.Error is null)) return false;
            if (result.Error is { } error)
            {
                if (!error.Origin.StartsWith(file.Name, StringComparison.Ordinal) || string.IsNullOrWhiteSpace(error.Reason)) return false;
                continue;
            }
            var a = result.Article!;
            if (!a.Origin.StartsWith(file.Name, StringComparison.Ordinal) || a.Id.Length != ContentId.Length) return false;
            if (a.Title.Length == 0 || a.Body.Length == 0 || a.Title != a.Title.Trim() || a.Body != a.Body.Trim()) return false;
            if (a.Title.Contains('\n') || a.Body.Contains('\r')) return false;
        }
        return true;
    }

    [Property(MaxTest = 100)]
    public bool Analysis_of_any_article_keeps_offsets_in_the_body_and_writes_valid_json(FuzzText title, FuzzText body)
    {
        var read = ArticleReader.ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(new { title = "عنوان " + title.Value, body = "نص " + body.Value }))), "fuzz.json").Single();
        if (read.Article is null) return read.Error!.Reason.Contains("JSON", StringComparison.Ordinal); // lone surrogates do not survive JSON
        var document = Pipeline.Value.Run(read.Article);
        var length = document.Body.Length;
        if (document.Sentences.Any(s => s.Start < 0 || s.End > length || s.End < s.Start)) return false;
        if (document.Entities.Any(e => e.Start < 0 || e.End > length || e.End <= e.Start || document.Body[e.Start..e.End] != e.Text)) return false;
        using var json = JsonDocument.Parse(DocumentJsonWriter.ToJson(document));
        return json.RootElement.GetProperty("id").GetString() == read.Article.Id;
    }

    private static readonly Lazy<AnalysisPipeline> Pipeline = new(DefaultPipeline.Create);
}

/// <summary>The cases the properties above first found, kept as plain examples.</summary>
public sealed class PropertyRegressionTests
{
    [Fact]
    public void The_string_normaliser_drops_U_FFFF_like_the_span_normaliser() =>
        Assert.Equal("ab", ArabicNormalizer.Normalize("a\uFFFFb", NormalizationOptions.None));

    [Fact]
    public void A_word_of_marks_alone_is_not_an_index_term()
    {
        foreach (var token in ArabicAnalyzerChain.ForCurrentThread.Analyze("\uFE77"))
            Assert.False(token.IsIndexTerm);
        var analyzer = new MarsadAnalyzer();
        using var stream = analyzer.GetTokenStream("body", "\uFE77 نفط");
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        Assert.Equal(["نفط"], terms);
    }
}
