using System.Globalization;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Marsad.Analysis;
using Marsad.Store;

namespace Marsad.Search;

/// <summary>
/// Writes the store as Elasticsearch/OpenSearch bulk NDJSON with Marsad's analysis already applied: the
/// <c>title_terms</c>/<c>body_terms</c> fields hold the index terms separated by spaces, to be indexed with a
/// whitespace analyzer, so a cluster ranks on exactly the terms Marsad's own index uses (docs/SCALING.md).
/// </summary>
public sealed class EsBulkExporter(Analyzer analyzer, string indexName = "marsad")
{
    public long Export(IArticleStore store, Stream output)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var writer = new Utf8JsonWriter(output, DocumentJsonWriter.WriterOptions(indented: false));
        var terms = new StringBuilder();
        long sequence = 0, count = 0;
        while (true)
        {
            var batch = 0;
            foreach (var article in store.ReadSince(sequence, 1000))
            {
                sequence = article.Sequence;
                batch++;
                writer.WriteStartObject();
                writer.WriteStartObject("index");
                writer.WriteString("_index", indexName);
                writer.WriteString("_id", article.Id);
                writer.WriteEndObject();
                writer.WriteEndObject();
                NewLine(writer, output);

                writer.WriteStartObject();
                writer.WriteString("title", article.Title);
                if (article.Date is { } date) writer.WriteString("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (article.Source is not null) writer.WriteString("source", article.Source);
                if (article.Category is not null) writer.WriteString("category", article.Category);
                writer.WriteString("title_terms", Terms(article.Title, terms));
                writer.WriteString("body_terms", Terms(article.Body, terms));
                writer.WriteNumber("sequence", article.Sequence);
                writer.WriteEndObject();
                NewLine(writer, output);
            }
            if (batch == 0) break;
            count += batch;
        }
        return count;
    }

    private string Terms(string text, StringBuilder terms)
    {
        terms.Clear();
        using var stream = analyzer.GetTokenStream(SearchIndex.BodyField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (terms.Length > 0) terms.Append(' ');
            terms.Append(term.Buffer, 0, term.Length);
        }
        stream.End();
        return terms.ToString();
    }

    private static void NewLine(Utf8JsonWriter writer, Stream output)
    {
        writer.Flush();
        output.WriteByte((byte)'\n');
        writer.Reset();
    }
}
