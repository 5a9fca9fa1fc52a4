using Marsad.Analysis.Sentences;
using Marsad.Text;

namespace Marsad.Analysis.Keywords;

/// <summary>
/// The words of an article (and its title) for keyword extraction, with each distinct stem stored once under a small
/// id, so that a phrase of up to three words is a single number (<see cref="PhraseKey"/>) rather than a string: an
/// article has about three candidate phrases per word and most of them occur once. One instance per thread is
/// reused from article to article (<see cref="ForCurrentThread"/>): stems recur across articles, so after a warm-up
/// an article adds few new ones, and the buffers below keep their size.
/// </summary>
internal sealed class KeywordText
{
    public const int MaxPhraseWords = 3;
    private const int IdBits = 21;

    // Ids must fit IdBits; the table starts over (between articles) long before that.
    private const int MaxStems = 1 << 20;

    [ThreadStatic]
    private static KeywordText? _current;

    private readonly StemTable _stems = new();
    private double[] _idf = new double[1024];
    private int[] _idfArticle = new int[1024];
    private int _article;

    /// <summary>This thread's instance, ready for a new article; valid until the thread's next call.</summary>
    public static KeywordText ForCurrentThread()
    {
        var text = _current ??= new KeywordText();
        if (text._stems.StartOverAbove(MaxStems)) Array.Clear(text._idfArticle);
        text._article = text._article == int.MaxValue ? 1 : text._article + 1;
        if (text._article == 1) Array.Clear(text._idfArticle);
        return text;
    }

    /// <summary>The article's words (filled by <see cref="Words"/>), its title's, and phrase keys by word position.</summary>
    public List<KeywordWord> BodyWords { get; } = [];

    public List<KeywordWord> TitleWords { get; } = [];

    public Dictionary<ulong, KeywordCandidate> Candidates { get; } = [];

    public Dictionary<ulong, KeywordCandidate> TitleCandidates { get; } = [];

    /// <summary>
    /// The key of the phrase of each length starting at each body word (<c>[word * MaxPhraseWords + length - 1]</c>),
    /// 0 where none: cleared to the article's size.
    /// </summary>
    public Span<ulong> Phrases(int words)
    {
        if (_phrases.Length < words * MaxPhraseWords) _phrases = new ulong[Math.Max(words * MaxPhraseWords, _phrases.Length * 2)];
        var phrases = _phrases.AsSpan(0, words * MaxPhraseWords);
        phrases.Clear();
        return phrases;
    }

    private ulong[] _phrases = new ulong[1024];

    /// <summary>The IDF of stem <paramref name="id"/> under <paramref name="statistics"/>, computed once per article.</summary>
    public double Idf(int id, KeywordStatistics statistics)
    {
        if (id >= _idf.Length)
        {
            var size = Math.Max(id + 1, _idf.Length * 2);
            Array.Resize(ref _idf, size);
            Array.Resize(ref _idfArticle, size);
        }
        if (_idfArticle[id] != _article)
        {
            _idf[id] = statistics.Idf(_stems[id]);
            _idfArticle[id] = _article;
        }
        return _idf[id];
    }

    /// <summary>The stem with id <paramref name="id"/> (ids start at 1).</summary>
    public string Stem(int id) => _stems[id];

    /// <summary>
    /// The phrase of <paramref name="length"/> stems ending with <paramref name="stem"/>, given the key of the phrase
    /// before it: ids packed <see cref="IdBits"/> bits apart, so two phrases share a key exactly when their stems agree.
    /// </summary>
    public static ulong PhraseKey(ulong previous, int stem, int length) => previous | (ulong)stem << (IdBits * (length - 1));

    public static int Length(ulong key) => key >> (2 * IdBits) != 0 ? 3 : key >> IdBits != 0 ? 2 : 1;

    public static int StemAt(ulong key, int index) => (int)(key >> (IdBits * index)) & ((1 << IdBits) - 1);

    /// <summary>Whether the stems of <paramref name="inner"/> occur as a contiguous run in <paramref name="outer"/>.</summary>
    public static bool Contains(ulong outer, ulong inner)
    {
        int outerLength = Length(outer), innerLength = Length(inner);
        for (var s = 0; s + innerLength <= outerLength; s++)
        {
            var match = true;
            for (var k = 0; k < innerLength && match; k++) match = StemAt(outer, s + k) == StemAt(inner, k);
            if (match) return true;
        }
        return false;
    }

    /// <summary>The phrase key spelled out: its stems one space apart.</summary>
    public string Spell(ulong key)
    {
        var length = Length(key);
        var parts = new string[length];
        for (var k = 0; k < length; k++) parts[k] = Stem(StemAt(key, k));
        return string.Join(' ', parts);
    }

    /// <summary>Ordinal comparison of two keys' spellings, as <see cref="string.CompareOrdinal(string, string)"/> would order them.</summary>
    public int CompareSpelling(ulong a, ulong b) => a == b ? 0 : string.CompareOrdinal(Spell(a), Spell(b));

    /// <summary>Fills <paramref name="words"/> with the counted words of <paramref name="text"/>.</summary>
    public void Words(string text, IReadOnlyList<SentenceSpan> sentences, List<KeywordWord> words)
    {
        words.Clear();
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
            var (cut, shortArticle) = SurfaceCut(text.AsSpan(start, token.Token.Length), token);
            words.Add(new KeywordWord(
                Id(token.Stem), start, token.Token.Length, cut, shortArticle,
                (clitics.Proclitics & Proclitics.Al) != 0,
                clitics.EncliticLength > 0,
                joined && !newSentence));
            joined = true;
        }
    }

    /// <summary>
    /// The written word without its one-letter proclitics (و ف ب ك ل س), keeping the article: وبإشراف → إشراف,
    /// والمدينة → المدينة, and للمدينة → المدينة (after ل the article's alif is not written, so it is restored).
    /// </summary>
    public static string Surface(string text, KeywordWord word)
    {
        var rest = text.AsSpan(word.Start + word.SurfaceCut, word.Length - word.SurfaceCut);
        return word.ShortArticle ? string.Concat("ا", rest) : rest.ToString();
    }

    private static (int Cut, bool ShortArticle) SurfaceCut(ReadOnlySpan<char> written, AnalyzedToken token)
    {
        var clitics = token.Clitics;
        var letters = 0;
        foreach (var flag in (ReadOnlySpan<Proclitics>)[Proclitics.Wa, Proclitics.Fa, Proclitics.Bi, Proclitics.Ka, Proclitics.Li, Proclitics.Sa])
            if ((clitics.Proclitics & flag) != 0) letters++;
        if (letters == 0) return (0, false);
        var index = 0;
        // Written text may carry diacritics or tatweel between letters, so count letters rather than chars.
        for (var skipped = 0; index < written.Length && skipped < letters; index++)
            if (IsLetter(written[index])) skipped++;
        while (index < written.Length && !IsLetter(written[index])) index++;
        var shortArticle = (clitics.Proclitics & (Proclitics.Li | Proclitics.Al)) == (Proclitics.Li | Proclitics.Al)
                           && !token.Normalized[..clitics.ProcliticLength].EndsWith("ال");
        return (index, shortArticle);
    }

    /// <summary>Arabic letters proper, not harakat (U+064B–U+065F, U+0670) or tatweel (U+0640).</summary>
    private static bool IsLetter(char c) => c is not ('\u0640' or >= '\u064B' and <= '\u065F' or '\u0670');

    private int Id(ReadOnlySpan<char> stem)
    {
        var id = _stems.Id(stem);
        if (id >= 1 << IdBits) throw new InvalidOperationException("Too many distinct stems in one article for keyword phrase keys.");
        return id;
    }
}
