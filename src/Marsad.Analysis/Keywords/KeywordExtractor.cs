using System.Text;
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
    private const int MaxPhraseWords = 3;

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
        var words = Words(body, sentences);
        if (words.Count == 0) return [];
        var titleKeys = TitleKeys(title);
        var candidates = Candidates(words);

        var scored = new List<(string Key, Candidate Candidate, double Score)>();
        foreach (var (key, candidate) in candidates)
        {
            var inTitle = titleKeys.TryGetValue(key, out var titleCount);
            // A multi-word phrase has to recur (or be in the title) to be a phrase rather than two words that met once.
            if (candidate.Length > 1 && candidate.Count < 2 && !inTitle) continue;
            var idf = 0.0;
            foreach (var stem in key.Split(' ')) idf += statistics.Idf(stem);
            // The title is the writer's own choice of words, so a mention there counts as a mention in the text too.
            var score = (candidate.Count + titleCount) * idf * (1 + PhraseBonus * (candidate.Length - 1));
            score *= 1 + PositionBoost * (1 - (double)candidate.FirstWord / words.Count);
            if (inTitle) score *= TitleBoost;
            scored.Add((key, candidate, score));
        }
        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Key, b.Key));

        var chosen = new List<(string Key, Candidate Candidate, double Score)>();
        foreach (var item in scored)
        {
            if (chosen.Count == maxKeywords) break;
            if (chosen.Count >= minKeywords && item.Score < RelativeCutoff * scored[0].Score) break;
            if (IsSubsumed(item.Key, item.Candidate, candidates)) continue;
            chosen.Add(item);
        }
        var best = chosen.Count == 0 ? 1 : chosen[0].Score;
        return [.. chosen.Select(c => new Keyword(c.Candidate.BestSurface(), Math.Round(c.Score / best, 4)))];
    }

    /// <summary>
    /// A phrase that occurs only inside one longer candidate (as many times as that one) adds nothing of its own:
    /// مجلس in مجلس شورى when every مجلس is followed by شورى.
    /// </summary>
    private static bool IsSubsumed(string key, Candidate candidate, Dictionary<string, Candidate> candidates)
    {
        foreach (var (other, longer) in candidates)
        {
            if (longer.Length <= candidate.Length || longer.Count < candidate.Count || longer.Count < 2) continue;
            if ((" " + other + " ").Contains(" " + key + " ", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static Dictionary<string, Candidate> Candidates(List<KeywordWord> words)
    {
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var key = new StringBuilder();
        var surface = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            key.Clear();
            surface.Clear();
            var clean = true;
            for (var length = 1; length <= MaxPhraseWords && i + length <= words.Count; length++)
            {
                var word = words[i + length - 1];
                if (length > 1)
                {
                    if (!word.Joined || !Fits(words[i + length - 2], word)) break;
                    key.Append(' ');
                    surface.Append(' ');
                }
                key.Append(word.Stem);
                surface.Append(word.Surface);
                clean &= !word.HasEnclitic;
                var k = key.ToString();
                if (!candidates.TryGetValue(k, out var candidate))
                    candidates[k] = candidate = new Candidate(length, i);
                candidate.Add(surface.ToString(), clean);
            }
        }
        return candidates;
    }

    /// <summary>
    /// Whether two adjacent words can belong to one noun phrase. A noun and its adjective agree in definiteness
    /// (الشرق الليبي، إشراف مصري); in a construct an indefinite head is followed by a definite or proper noun
    /// (اقتحام درنة، قوات الأمن). A definite word followed by an indefinite one usually starts a new phrase or clause.
    /// Only the last word may carry an attached pronoun: the head of a construct never does, and an adjective does
    /// not either, so a pronoun inside marks a verb or clause (التقطها قمر).
    /// </summary>
    private static bool Fits(KeywordWord left, KeywordWord right) => !(left.Definite && !right.Definite) && !left.HasEnclitic;

    private static Dictionary<string, int> TitleKeys(string title)
    {
        var words = Words(title, [new SentenceSpan(0, title.Length)]);
        return Candidates(words).ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
    }

    internal static List<KeywordWord> Words(string text, IReadOnlyList<SentenceSpan> sentences)
    {
        var words = new List<KeywordWord>();
        var chain = ArabicAnalyzerChain.ForCurrentThread;
        var sentence = 0;
        var joined = false;
        foreach (var token in chain.Analyze(text))
        {
            var start = token.Token.Start;
            var newSentence = false;
            while (sentence + 1 < sentences.Count && sentences[sentence + 1].Start <= start)
            {
                sentence++;
                newSentence = true;
            }
            if (!KeywordStatistics.IsCounted(token))
            {
                joined = false;
                continue;
            }
            var clitics = token.Clitics;
            words.Add(new KeywordWord(
                token.Stem.ToString(),
                Surface(text.AsSpan(start, token.Token.Length), token),
                (clitics.Proclitics & Proclitics.Al) != 0,
                clitics.EncliticLength > 0,
                sentence,
                joined && !newSentence));
            joined = true;
        }
        return words;
    }

    /// <summary>
    /// The written word without its one-letter proclitics (و ف ب ك ل س), keeping the article: وبإشراف → إشراف,
    /// والمدينة → المدينة, and للمدينة → المدينة (after ل the article's alif is not written, so it is restored).
    /// </summary>
    internal static string Surface(ReadOnlySpan<char> written, AnalyzedToken token)
    {
        var clitics = token.Clitics;
        var letters = 0;
        foreach (var flag in (ReadOnlySpan<Proclitics>)[Proclitics.Wa, Proclitics.Fa, Proclitics.Bi, Proclitics.Ka, Proclitics.Li, Proclitics.Sa])
            if ((clitics.Proclitics & flag) != 0) letters++;
        if (letters == 0) return written.ToString();
        var index = 0;
        // Written text may carry diacritics or tatweel between letters, so count letters rather than chars.
        for (var skipped = 0; index < written.Length && skipped < letters; index++)
            if (IsLetter(written[index])) skipped++;
        while (index < written.Length && !IsLetter(written[index])) index++;
        var rest = written[index..];
        var shortArticle = (clitics.Proclitics & (Proclitics.Li | Proclitics.Al)) == (Proclitics.Li | Proclitics.Al)
                           && !token.Normalized[..clitics.ProcliticLength].EndsWith("ال");
        return shortArticle ? "ا" + rest.ToString() : rest.ToString();
    }

    /// <summary>Arabic letters proper, not harakat (U+064B–U+065F, U+0670) or tatweel (U+0640).</summary>
    private static bool IsLetter(char c) => c is not ('\u0640' or >= '\u064B' and <= '\u065F' or '\u0670');

    private sealed class Candidate(int length, int firstWord)
    {
        private readonly Dictionary<string, (int Count, bool Clean)> _surfaces = new(StringComparer.Ordinal);

        public int Length { get; } = length;

        public int FirstWord { get; } = firstWord;

        public int Count { get; private set; }

        public void Add(string surface, bool clean)
        {
            Count++;
            _surfaces[surface] = _surfaces.TryGetValue(surface, out var s) ? (s.Count + 1, clean) : (1, clean);
        }

        /// <summary>Forms without an attached pronoun first, then the most frequent, then the shortest.</summary>
        public string BestSurface() => _surfaces
            .OrderByDescending(s => s.Value.Clean)
            .ThenByDescending(s => s.Value.Count)
            .ThenBy(s => s.Key.Length)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .First().Key;
    }
}
