namespace Marsad.Analysis.Entities;

/// <summary>Reads CoNLL-style <c>token TAG</c> files with a blank line between sentences.</summary>
public static class ConllCorpus
{
    public static IReadOnlyList<ConllSentence> Read(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Read(reader);
    }

    public static IReadOnlyList<ConllSentence> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<ConllSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                Flush(sentences, tokens, tags);
                continue;
            }
            if (fields.Length == 1)
                throw new FormatException($"CoNLL line without a tag: '{line}'");
            // ANERcorp has a few lines where two 'token TAG' pairs lost their newline; an even field count
            // whose odd fields are all tags is split back into pairs rather than dropped.
            if (fields.Length > 2 && fields.Length % 2 == 0 && AllOddFieldsAreTags(fields))
            {
                for (var i = 0; i < fields.Length; i += 2)
                {
                    tokens.Add(fields[i]);
                    tags.Add(fields[i + 1]);
                }
                continue;
            }
            // Otherwise the tag is the last column (CoNLL-2003 style files carry POS/chunk columns in between).
            tokens.Add(fields[0]);
            tags.Add(fields[^1]);
        }
        Flush(sentences, tokens, tags);
        return sentences;
    }

    /// <summary>Writes sentences in the same two-column format, one blank line after each sentence.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<ConllSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sentences);
        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Count; i++)
            {
                writer.Write(s.Tokens[i]);
                writer.Write(' ');
                writer.WriteLine(s.Tags[i]);
            }
            writer.WriteLine();
        }
    }

    private static bool AllOddFieldsAreTags(string[] fields)
    {
        for (var i = 1; i < fields.Length; i += 2)
            if (!NerLabels.IsTag(fields[i])) return false;
        return true;
    }

    private static void Flush(List<ConllSentence> sentences, List<string> tokens, List<string> tags)
    {
        if (tokens.Count == 0) return;
        sentences.Add(new ConllSentence(tokens.ToArray(), tags.ToArray()));
        tokens.Clear();
        tags.Clear();
    }
}
