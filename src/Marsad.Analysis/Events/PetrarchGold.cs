using System.Globalization;
using System.Xml;

namespace Marsad.Analysis.Events;

/// <summary>One gold event of a PETRARCH-format validation file: the words of its source and target (often empty).</summary>
public sealed record GoldEvent(string SourceText, string TargetText, string EventText);

/// <summary>A sentence of a PETRARCH validation file with its gold category (PLOVER: ASSAULT, PROTEST …).</summary>
public sealed record GoldSentence(string Id, string Category, DateOnly? Date, string Text, IReadOnlyList<GoldEvent> Events);

/// <summary>
/// Reads PETRARCH-style gold XML (<c>&lt;Sentences&gt;&lt;Sentence category=… date=yyyyMMdd&gt;&lt;EventText sourcetext=…
/// targettext=…/&gt;&lt;Text&gt;…&lt;/Text&gt;</c>). Parse trees in the file are ignored: Marsad codes raw text.
/// </summary>
public static class PetrarchGold
{
    public static List<GoldSentence> Read(string path)
    {
        var sentences = new List<GoldSentence>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(path, settings);
        var document = new XmlDocument { XmlResolver = null };
        try
        {
            document.Load(reader);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"{path}: not a PETRARCH gold file: {e.Message}", e);
        }
        var nodes = document.SelectNodes("/Sentences/Sentence")
            ?? throw new InvalidDataException($"{path}: no <Sentences><Sentence> elements");
        foreach (XmlElement node in nodes)
        {
            var text = node["Text"]?.InnerText.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            var events = new List<GoldEvent>();
            foreach (XmlElement e in node.GetElementsByTagName("EventText"))
                events.Add(new GoldEvent(e.GetAttribute("sourcetext"), e.GetAttribute("targettext"), e.GetAttribute("eventtext")));
            DateOnly? date = DateOnly.TryParseExact(node.GetAttribute("date"), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            sentences.Add(new GoldSentence(node.GetAttribute("id"), node.GetAttribute("category"), date, text, events));
        }
        if (sentences.Count == 0) throw new InvalidDataException($"{path}: no gold sentences");
        return sentences;
    }
}
