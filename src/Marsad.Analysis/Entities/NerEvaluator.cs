using System.Diagnostics;

namespace Marsad.Analysis.Entities;

/// <summary>Scores taggers against gold CoNLL data with conlleval's exact-match span rules.</summary>
public static class NerEvaluator
{
    /// <summary>
    /// Tags the gold sentences with <paramref name="model"/> on the calling thread and scores the result; the
    /// speed is that of a second pass (see the comment inside).
    /// With <paramref name="documentContext"/> the sentences are read as one running text (as in a CoNLL file
    /// cut from consecutive articles), so a document-aware model can use nearby sentences; otherwise each
    /// sentence is tagged on its own.
    /// </summary>
    /// <remarks>Without <paramref name="warmUp"/> the sentences are tagged once (for scores during training, where the speed is not read).</remarks>
    public static NerEvaluation Evaluate(NerModel model, IReadOnlyList<ConllSentence> gold, bool documentContext = true, bool warmUp = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gold);
        var tagger = new NerTagger(model);
        var tokens = 0;
        foreach (var s in gold) tokens += s.Count;
        // The first pass pays for compiling the tagging code, which a long-running process pays once; the timed
        // second pass starts from empty neural projection caches, so it still pays for every word type it meets.
        if (warmUp)
        {
            Tag(tagger, gold, documentContext);
            model.Neural?.ClearCaches();
        }
        var clock = Stopwatch.StartNew();
        var predicted = Tag(tagger, gold, documentContext);
        var seconds = clock.Elapsed.TotalSeconds;
        return Score(gold, predicted) with { TokensPerSecond = seconds > 0 ? tokens / seconds : 0 };
    }

    private static IReadOnlyList<string>[] Tag(NerTagger tagger, IReadOnlyList<ConllSentence> gold, bool documentContext)
    {
        if (documentContext) return tagger.TagDocument(gold.Select(s => s.Tokens).ToArray());
        var predicted = new string[gold.Count][];
        for (var s = 0; s < gold.Count; s++) predicted[s] = tagger.Tag(gold[s].Tokens);
        return predicted;
    }

    /// <summary>Scores predicted tag sequences, aligned sentence by sentence with <paramref name="gold"/>.</summary>
    public static NerEvaluation Score(IReadOnlyList<ConllSentence> gold, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
            throw new ArgumentException($"{gold.Count} gold sentences but {predicted.Count} predicted.", nameof(predicted));
        var counts = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        int totalGold = 0, totalPred = 0, totalCorrect = 0, tokens = 0, tokenHits = 0;
        for (var s = 0; s < gold.Count; s++)
        {
            var g = gold[s].Tags;
            var p = predicted[s];
            if (g.Count != p.Count)
                throw new ArgumentException($"Sentence {s}: {g.Count} gold tags but {p.Count} predicted.", nameof(predicted));
            tokens += g.Count;
            for (var i = 0; i < g.Count; i++)
                if (string.Equals(g[i], p[i], StringComparison.Ordinal)) tokenHits++;
            var goldSpans = BioDecoder.Spans(g);
            var predSpans = BioDecoder.Spans(p);
            foreach (var (type, _, _) in goldSpans) Counts(counts, type)[0]++;
            foreach (var (type, _, _) in predSpans) Counts(counts, type)[1]++;
            var goldSet = new HashSet<(string, int, int)>(goldSpans);
            foreach (var span in predSpans)
                if (goldSet.Contains(span)) Counts(counts, span.Type)[2]++;
            totalGold += goldSpans.Count;
            totalPred += predSpans.Count;
        }
        foreach (var c in counts.Values) totalCorrect += c[2];
        var micro = NerTypeScore.From(totalGold, totalPred, totalCorrect);
        var perType = new Dictionary<string, NerTypeScore>(StringComparer.Ordinal);
        foreach (var (type, c) in counts) perType[type] = NerTypeScore.From(c[0], c[1], c[2]);
        return new NerEvaluation
        {
            MicroPrecision = micro.Precision,
            MicroRecall = micro.Recall,
            MicroF1 = micro.F1,
            PerType = perType,
            TokenAccuracy = tokens == 0 ? 0 : 100.0 * tokenHits / tokens,
            Sentences = gold.Count,
            Tokens = tokens,
        };
    }

    private static int[] Counts(SortedDictionary<string, int[]> counts, string type)
    {
        if (!counts.TryGetValue(type, out var c)) counts[type] = c = new int[3];
        return c;
    }
}
