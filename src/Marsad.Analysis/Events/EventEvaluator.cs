using Marsad.Text;

namespace Marsad.Analysis.Events;

/// <summary>Runs the whole analysis pipeline on gold sentences and on off-topic articles and scores the events it codes.</summary>
public static class EventEvaluator
{
    /// <summary>Topics of the topic split whose sentences should yield almost no ASSAULT or PROTEST event.</summary>
    public static readonly IReadOnlySet<string> QuietTopics = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "sport", "technology", "culture" };

    /// <param name="errors">When given, receives one tab-separated line per sentence the coder missed or disagreed on.</param>
    public static EventGoldScore ScoreGold(AnalysisPipeline pipeline, IReadOnlyList<GoldSentence> gold, TextWriter? errors = null)
    {
        var category = gold.Count > 0 ? gold[0].Category : "";
        int recalled = 0, slots = 0, agreed = 0, allSlots = 0;
        foreach (var sentence in gold)
        {
            var article = new Article(sentence.Id, "", sentence.Date, sentence.Text, null, null, null, null, sentence.Id);
            var events = pipeline.Run(article).Events.FindAll(e => e.Plover == sentence.Category);
            var named = NamedSlots(sentence);
            allSlots += named;
            if (events.Count == 0)
            {
                errors?.WriteLine($"missed\t{sentence.Id}\t{sentence.Text}");
                continue;
            }
            recalled++;
            slots += named;
            var agreement = BestAgreement(sentence, events);
            agreed += agreement;
            if (agreement < named && errors is not null)
            {
                var gold0 = sentence.Events[0];
                var found = string.Join(" ; ", events.ConvertAll(e => $"{e.TriggerText}: {e.Actor?.Text ?? "-"} -> {e.Target?.Text ?? "-"}"));
                errors.WriteLine($"actors\t{sentence.Id}\tgold {gold0.SourceText} -> {gold0.TargetText}\tfound {found}\t{sentence.Text}");
            }
        }
        return new EventGoldScore(category, gold.Count, recalled, slots, agreed, allSlots);
    }

    public static EventFalsePositiveScore ScoreFalsePositives(AnalysisPipeline pipeline, IEnumerable<Article> articles, TextWriter? errors = null)
    {
        int count = 0, sentences = 0, flagged = 0;
        foreach (var article in articles)
        {
            count++;
            var document = pipeline.Run(article);
            sentences += document.Sentences.Count;
            var flaggedStarts = new HashSet<int>();
            foreach (var mention in document.Events)
            {
                if (mention.Plover is not ("ASSAULT" or "PROTEST") || !flaggedStarts.Add(mention.SentenceStart)) continue;
                errors?.WriteLine($"false-positive\t{article.Id}\t{mention.Type}: {mention.TriggerText}\t"
                    + document.Body[mention.SentenceStart..mention.SentenceEnd]);
            }
            flagged += flaggedStarts.Count;
        }
        return new EventFalsePositiveScore(count, sentences, flagged);
    }

    private static int NamedSlots(GoldSentence sentence)
    {
        var first = sentence.Events.Count > 0 ? sentence.Events[0] : null;
        if (first is null) return 0;
        return (Stems(first.SourceText).Count > 0 ? 1 : 0) + (Stems(first.TargetText).Count > 0 ? 1 : 0);
    }

    /// <summary>How many of the gold source and target the best-matching event of the sentence agrees with.</summary>
    private static int BestAgreement(GoldSentence sentence, List<EventMention> events)
    {
        if (sentence.Events.Count == 0) return 0;
        var gold = sentence.Events[0];
        var source = Stems(gold.SourceText);
        var target = Stems(gold.TargetText);
        var best = 0;
        foreach (var mention in events)
        {
            var score = (source.Count > 0 && Agrees(source, mention.Actor) ? 1 : 0)
                + (target.Count > 0 && Agrees(target, mention.Target) ? 1 : 0);
            best = Math.Max(best, score);
        }
        return best;
    }

    private static bool Agrees(HashSet<string> gold, EventParticipant? participant)
    {
        if (participant is null) return false;
        foreach (var stem in Stems(participant.Text))
        {
            if (gold.Contains(stem)) return true;
        }
        foreach (var stem in Stems(participant.Name))
        {
            if (gold.Contains(stem)) return true;
        }
        return false;
    }

    /// <summary>Content stems, so that gold words (listed in any order) and Marsad's spans compare by word, not by string.</summary>
    private static HashSet<string> Stems(string text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in ArabicAnalyzerChain.ForCurrentThread.Analyze(text))
        {
            if (token.IsIndexTerm && token.Stem.Length >= 2) stems.Add(token.Stem.ToString());
        }
        return stems;
    }
}
