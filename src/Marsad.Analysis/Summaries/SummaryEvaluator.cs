using System.Diagnostics;
using Marsad.Analysis.Sentences;

namespace Marsad.Analysis.Summaries;

/// <summary>
/// Scores summaries against each article's own abstract (the ANT &lt;ABSTRACT&gt;, the outlet's lede) with ROUGE-1 and
/// ROUGE-2 F1, averaged over articles; the lead-3 baseline is scored on the same sentences. Articles without an
/// abstract are skipped, since there is nothing to compare with.
/// </summary>
public static class SummaryEvaluator
{
    public static SummaryEvaluation Evaluate(IEnumerable<Article> articles, Summarizer summarizer, SentenceSplitter splitter)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(summarizer);
        ArgumentNullException.ThrowIfNull(splitter);
        double r1 = 0, r2 = 0, l1 = 0, l2 = 0, ourLength = 0, leadLength = 0, referenceLength = 0;
        var count = 0;
        var summarizing = new Stopwatch();
        foreach (var article in articles)
        {
            if (string.IsNullOrWhiteSpace(article.Abstract)) continue;
            var sentences = splitter.Split(article.Body);
            summarizing.Start();
            var summary = summarizer.Summarize(article.Title, article.Body, sentences);
            summarizing.Stop();
            var lead = Summarizer.Lead(article.Body, sentences, 3);
            var reference = Rouge.Tokens(article.Abstract);
            var ours = Rouge.Tokens(summary.Text);
            var baseline = Rouge.Tokens(lead.Text);
            r1 += Rouge.Score(ours, reference, 1).F1;
            r2 += Rouge.Score(ours, reference, 2).F1;
            l1 += Rouge.Score(baseline, reference, 1).F1;
            l2 += Rouge.Score(baseline, reference, 2).F1;
            ourLength += ours.Count;
            leadLength += baseline.Count;
            referenceLength += reference.Count;
            count++;
        }
        if (count == 0) throw new InvalidDataException("No article with an abstract to evaluate summaries against.");
        return new SummaryEvaluation(count, r1 / count, r2 / count, l1 / count, l2 / count,
            ourLength / count, leadLength / count, referenceLength / count,
            count / Math.Max(summarizing.Elapsed.TotalSeconds, 1e-9));
    }
}
