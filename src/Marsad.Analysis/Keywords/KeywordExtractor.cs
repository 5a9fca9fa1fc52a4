using System.Runtime.InteropServices;
using Marsad.Analysis.Sentences;
using Marsad.Text;

namespace Marsad.Analysis.Keywords;

/// <summary>
/// Picks an article's key phrases: candidate phrases of one to three adjacent content words (never across a stop
/// word, punctuation or sentence break) whose shape fits an Arabic noun–adjective or construct (إضافة) phrase, scored
/// by term frequency × IDF from <see cref="KeywordStatistics"/> with boosts for the title and for early mentions.
/// Variants that differ only by clitics or inflection share one stem sequence and are shown once, in their most
/// frequent written form. Thread-safe.
/// </summary>
public sealed class KeywordExtractor(KeywordStatistics statistics, int maxKeywords = 10, int minKeywords = 5)
{
    private const int MaxPhraseWords = KeywordText.MaxPhraseWords;

    /// <summary>Below this share of the best score a phrase is dropped, unless fewer than the minimum would be left.</summary>
    private const double RelativeCutoff = 0.2;

    private const double TitleBoost = 1.5;

    /// <summary>
    /// Extra weight per word beyond the first: a recurring phrase (الشرق الليبي) is what a reader would pick over its
    /// words alone, and its count is bounded by theirs.
    /// </summary>
    private const double PhraseBonus = 0.25;

    /// <summary>A phrase first met at the start of the article scores up to this much more than one first met at the end.</summary>
    private const double PositionBoost = 0.5;

    public static KeywordExtractor Default { get; } = new(KeywordStatistics.Default);

    public IReadOnlyList<Keyword> Extract(string title, string body, IReadOnlyList<SentenceSpan> sentences)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        var text = KeywordText.ForCurrentThread();
        var words = text.BodyWords;
        text.Words(body, sentences, words);
        if (words.Count == 0) return [];
        text.Words(title, [new SentenceSpan(0, title.Length)], text.TitleWords);
        var titleKeys = text.TitleCandidates;
        Candidates(text.TitleWords, titleKeys, []);
        var phrases = text.Phrases(words.Count);
        var candidates = text.Candidates;
        Candidates(words, candidates, phrases);

        var scored = new List<(ulong Key, KeywordCandidate Candidate, double Score)>();
        foreach (var (key, candidate) in candidates)
        {
            var inTitle = titleKeys.TryGetValue(key, out var inTitleCandidate);
            var titleCount = inTitle ? inTitleCandidate.Count : 0;
            // A multi-word phrase has to recur (or be in the title) to be a phrase rather than two words that met once.
            if (candidate.Length > 1 && candidate.Count < 2 && !inTitle) continue;
            var phraseIdf = 0.0;
            for (var k = 0; k < candidate.Length; k++) phraseIdf += text.Idf(KeywordText.StemAt(key, k), statistics);
            // The title is the writer's own choice of words, so a mention there counts as a mention in the text too.
            var score = (candidate.Count + titleCount) * phraseIdf * (1 + PhraseBonus * (candidate.Length - 1));
            score *= 1 + PositionBoost * (1 - (double)candidate.FirstWord / words.Count);
            if (inTitle) score *= TitleBoost;
            scored.Add((key, candidate, score));
        }
        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : text.CompareSpelling(a.Key, b.Key));

        var chosen = new List<(ulong Key, KeywordCandidate Candidate, double Score)>();
        foreach (var item in scored)
        {
            if (chosen.Count == maxKeywords) break;
            if (chosen.Count >= minKeywords && item.Score < RelativeCutoff * scored[0].Score) break;
            if (IsSubsumed(item.Key, item.Candidate, candidates)) continue;
            chosen.Add(item);
        }
        var best = chosen.Count == 0 ? 1 : chosen[0].Score;
        var keywords = new Keyword[chosen.Count];
        for (var c = 0; c < chosen.Count; c++)
            keywords[c] = new Keyword(BestSurface(body, words, phrases, chosen[c].Key, chosen[c].Candidate.Length), Math.Round(chosen[c].Score / best, 4));
        return keywords;
    }

    /// <summary>
    /// A phrase that occurs only inside one longer candidate (as many times as that one) adds nothing of its own:
    /// مجلس in مجلس شورى when every مجلس is followed by شورى.
    /// </summary>
    private static bool IsSubsumed(ulong key, KeywordCandidate candidate, Dictionary<ulong, KeywordCandidate> candidates)
    {
        foreach (var (other, longer) in candidates)
        {
            if (longer.Length <= candidate.Length || longer.Count < candidate.Count || longer.Count < 2) continue;
            if (KeywordText.Contains(other, key)) return true;
        }
        return false;
    }

    /// <summary>
    /// Counts every phrase of one to <see cref="MaxPhraseWords"/> words that fits the phrase patterns into
    /// <paramref name="candidates"/>, and records in <paramref name="phrases"/> (unless empty) the key of the phrase of
    /// each length starting at each word.
    /// </summary>
    private static void Candidates(List<KeywordWord> words, Dictionary<ulong, KeywordCandidate> candidates, Span<ulong> phrases)
    {
        candidates.Clear();
        for (var i = 0; i < words.Count; i++)
        {
            var key = 0UL;
            for (var length = 1; length <= MaxPhraseWords && i + length <= words.Count; length++)
            {
                var word = words[i + length - 1];
                if (length > 1 && (!word.Joined || !Fits(words[i + length - 2], word))) break;
                key = KeywordText.PhraseKey(key, word.Stem, length);
                if (!phrases.IsEmpty) phrases[i * MaxPhraseWords + length - 1] = key;
                ref var candidate = ref CollectionsMarshal.GetValueRefOrAddDefault(candidates, key, out var exists);
                candidate = exists ? candidate with { Count = candidate.Count + 1 } : new KeywordCandidate(length, i, 1);
            }
        }
    }

    /// <summary>
    /// Whether two adjacent words can belong to one noun phrase. A noun and its adjective agree in definiteness
    /// (الشرق الليبي، إشراف مصري); in a construct an indefinite head is followed by a definite or proper noun
    /// (اقتحام درنة، قوات الأمن). A definite word followed by an indefinite one usually starts a new phrase or clause.
    /// Only the last word may carry an attached pronoun: the head of a construct never does, and an adjective does
    /// not either, so a pronoun inside marks a verb or clause (التقطها قمر).
    /// </summary>
    private static bool Fits(KeywordWord left, KeywordWord right) => !(left.Definite && !right.Definite) && !left.HasEnclitic;

    /// <summary>
    /// The written form to show for a phrase: forms without an attached pronoun first, then the most frequent, then
    /// the shortest. Surfaces are built only here, for the few phrases chosen.
    /// </summary>
    private static string BestSurface(string body, List<KeywordWord> words, ReadOnlySpan<ulong> phrases, ulong key, int length)
    {
        // Per surface: how often it occurs and whether its last occurrence is free of attached pronouns.
        var surfaces = new Dictionary<string, (int Count, bool Clean)>(StringComparer.Ordinal);
        var parts = new string[length];
        for (var i = 0; i < words.Count; i++)
        {
            if (phrases[i * MaxPhraseWords + length - 1] != key) continue;
            var clean = true;
            for (var k = 0; k < length; k++)
            {
                parts[k] = KeywordText.Surface(body, words[i + k]);
                clean &= !words[i + k].HasEnclitic;
            }
            var surface = string.Join(' ', parts);
            surfaces[surface] = surfaces.TryGetValue(surface, out var s) ? (s.Count + 1, clean) : (1, clean);
        }
        return surfaces
            .OrderByDescending(s => s.Value.Clean)
            .ThenByDescending(s => s.Value.Count)
            .ThenBy(s => s.Key.Length)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .First().Key;
    }

}
