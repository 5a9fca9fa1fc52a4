using System.Collections.Frozen;

namespace Marsad.Text;

/// <summary>
/// Splits proclitics (و ف ب ك ل ال س) and pronoun enclitics (ه ها هم هما هن كم كما كن نا ي) off a word normalised
/// with <see cref="NormalizationOptions.Default"/>.
/// <para>
/// Method: clitic letters are also ordinary root letters (ولد، بلاد، كتاب، لبنان), so a structural strip is only a
/// hypothesis. Each layer, outermost first, is stripped only when corpus evidence from a
/// <see cref="WordFrequencyLexicon"/> supports it: the remainder must be a known word at least as frequent as the
/// form it was cut from (the article gets a looser bound, <see cref="ArticleRatio"/>, because definite forms are
/// naturally more frequent than bare ones: الرياض vs رياض). An unknown remainder still counts as known when its
/// own analysis reaches a known base, so rare forms like وبمدينتهم segment fully. A stem left with ت before a
/// pronoun is also looked up with ة (حكومتها → حكومة). Words where the frequency test is misled by a frequent
/// homograph (كان → ك+أن, الذي → ال+ذي, فهم → ف+هم) are listed in a short hand-written exception list.
/// </para>
/// </summary>
public sealed class CliticSegmenter
{
    /// <summary>How much more frequent a definite form may be than its bare base and still have ال stripped.</summary>
    public const int ArticleRatio = 32;

    /// <summary>
    /// How much more frequent a و form may be than its remainder: sentence-initial وقال outnumbers قال in news,
    /// yet the conjunction is plainly a clitic there. ف is far rarer as a conjunction and keeps ratio 1.
    /// </summary>
    public const int ConjunctionRatio = 4;

    /// <summary>
    /// How much more frequent a word with ه، ها، هم or نا may be than its stem and still be split: possessed plurals
    /// (منازلهم) are often commoner in news than the bare plural.
    /// </summary>
    public const int CommonPronounRatio = 4;

    /// <summary>How much more frequent a stem must be than the word for a final ي to count as "my" rather than a nisba or ى ending.</summary>
    public const int FirstPersonRatio = 10;

    private const char Waw = '\u0648', Fa = '\u0641', Ba = '\u0628', Kaf = '\u0643', Lam = '\u0644', Alef = '\u0627',
        Sin = '\u0633', Ya = '\u064A', Ta = '\u062A', Nun = '\u0646', Ha = '\u0647', Meem = '\u0645', TaMarbuta = '\u0629';

    private static readonly Lazy<CliticSegmenter> DefaultInstance = new(() => new CliticSegmenter(WordFrequencyLexicon.Default));

    // Hand-written: words whose first or last letters look like clitics but belong to the word, and where the
    // lexicon alone would be misled because the remainder is itself a frequent word.
    private static readonly FrozenSet<string> Exceptions = new[]
    {
        "الله", "لله", "اللهم", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللاتي", "اللواتي", "اللائي",
        "الان", "الا", "الي", "اليه", "اليها", "اليهم", "الف", "الاف", "الم", "اما", "انما", "كان", "كانت", "كانوا", "كانا", "كن", "كانون", "كامل", "كاملة", "كما",
        "لما", "لكن", "لكنه", "لكنها", "لكنهم", "فهم", "فيلم", "فيلما", "بان", "ليس", "ليست", "ليسوا", "لدي", "لدينا", "لديه", "لديها", "لديهم",
        "كلما", "بينما", "ربما", "حينما", "طالما", "مثلما", "عندما", "والي", "وحدة", "وحده", "ولي", "واحد", "واحدة", "واس", "وام",
        "وطن", "وطني", "وطنية", "وادي", "وصيف", "واصل", "واصلت", "وحي", "فكرة", "فنية", "فعالية", "فعاليات", "فريد", "فريدة",
        "فعليا", "فيصل", "فتحت", "فرد", "باب", "بعيد", "بعيدة", "بيد", "بنت", "بنية", "كيري", "كاف", "كافية", "كله", "كلا", "لسان",
        "لولا", "ساهم", "ساهمت",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ExceptionLookup = Exceptions.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly WordFrequencyLexicon _lexicon;

    public CliticSegmenter(WordFrequencyLexicon lexicon) => _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));

    /// <summary>A segmenter over the lexicon embedded in the library.</summary>
    public static CliticSegmenter Default => DefaultInstance.Value;

    /// <summary>The corpus method behind the embedded lexicon (exposed by the CLI as <c>marsad train lexicon</c>).</summary>
    public static void BuildLexicon(IEnumerable<string> texts, Stream output) => WordFrequencyLexicon.Build(texts, output);

    /// <summary>Segments a normalised Arabic word. Never allocates.</summary>
    public CliticSegmentation Segment(ReadOnlySpan<char> word) => Segment(word, depth: 0);

    private CliticSegmentation Segment(ReadOnlySpan<char> word, int depth)
    {
        // Three letters is the shortest word carrying a clitic plus a two-letter base (وهو، فيه).
        if (word.Length < 3 || ExceptionLookup.Contains(word)) return default;

        var flags = Proclitics.None;
        var pos = 0;
        var wholeFrequency = -1;

        var first = word[0];
        if (first is Waw or Fa && Accept(word, 1, ref wholeFrequency, first == Waw ? ConjunctionRatio : 1, depth))
        {
            flags |= first == Waw ? Proclitics.Wa : Proclitics.Fa;
            pos = 1;
        }

        var rest = word[pos..];
        if (rest.Length >= 3)
        {
            var c = rest[0];
            var restFrequency = -1;
            if (c == Lam && rest[1] == Lam && rest.Length >= 4 && Accept(rest, 2, ref restFrequency, ArticleRatio, depth))
            {
                flags |= Proclitics.Li | Proclitics.Al;
                pos += 2;
            }
            else if (c is Ba or Kaf or Lam && Accept(rest, 1, ref restFrequency, 1, depth))
            {
                flags |= c == Ba ? Proclitics.Bi : c == Kaf ? Proclitics.Ka : Proclitics.Li;
                pos += 1;
            }
            // Only before the imperfect prefixes ي ت ن: before ا (first person) it collides with ساهم، سابق، سائق.
            else if (c == Sin && rest[1] is Ya or Ta or Nun && rest.Length >= 4 && Accept(rest, 1, ref restFrequency, 1, depth))
            {
                flags |= Proclitics.Sa;
                pos += 1;
            }
        }

        if ((flags & (Proclitics.Al | Proclitics.Sa)) == 0)
        {
            rest = word[pos..];
            var restFrequency = -1;
            if (rest.Length >= 4 && rest[0] == Alef && rest[1] == Lam && Accept(rest, 2, ref restFrequency, ArticleRatio, depth))
            {
                flags |= Proclitics.Al;
                pos += 2;
            }
        }

        var (enclitic, encliticLength) = (flags & Proclitics.Al) == 0 ? FindEnclitic(word[pos..]) : (Enclitic.None, 0);
        return new CliticSegmentation(flags, pos, enclitic, encliticLength);
    }

    /// <summary>Whether cutting <paramref name="cut"/> leading characters off <paramref name="form"/> is supported by the lexicon.</summary>
    private bool Accept(ReadOnlySpan<char> form, int cut, ref int formFrequency, int ratio, int depth)
    {
        var remainder = form[cut..];
        if (remainder.Length < 2 || ExceptionLookup.Contains(form)) return false;
        var support = Support(remainder, depth);
        if (support == 0) return false;
        if (formFrequency < 0) formFrequency = Evidence(form);
        return (long)support * ratio >= formFrequency;
    }

    /// <summary>
    /// Frequency of a form or, when larger, of its stem without a pronoun: both readings must be weighed the same
    /// way on each side, otherwise كتابهم would lose to ك+تاب+هم only because the inflected form is rare.
    /// </summary>
    private int Evidence(ReadOnlySpan<char> form)
    {
        var frequency = _lexicon.Frequency(form);
        if (form.Length < 4) return frequency;
        var (enclitic, length) = Classify(form);
        if (enclitic is Enclitic.None or Enclitic.Ya) return frequency;
        return Math.Max(frequency, BaseFrequency(form[..^length]));
    }

    /// <summary>Evidence for a remainder, or the frequency of the base its own analysis reaches when the remainder itself is unseen.</summary>
    private int Support(ReadOnlySpan<char> remainder, int depth)
    {
        var frequency = Evidence(remainder);
        if (frequency > 0 || depth >= 2 || remainder.Length < 3) return frequency;
        var inner = Segment(remainder, depth + 1);
        if (!inner.HasClitics) return 0;
        return BaseFrequency(inner.Base(remainder));
    }

    private (Enclitic, int) FindEnclitic(ReadOnlySpan<char> word)
    {
        if (word.Length < 3) return (Enclitic.None, 0);
        var last = word[^1];
        // Cheap gate before any lookup: every pronoun ends in ه, ا, م, ن or ي.
        if (last is not (Ha or Alef or Meem or Nun or Ya)) return (Enclitic.None, 0);

        var (enclitic, length) = Classify(word);
        // The common pronouns attach to two-letter prepositions (منه، عنها، معهم); the rarer ones need a longer stem
        // so that تمكن or حكم are not read as تم+كن or ح+كم.
        var minimumStem = enclitic is Enclitic.Hu or Enclitic.Ha or Enclitic.Hum or Enclitic.Na ? 2 : 3;
        if (enclitic == Enclitic.None || word.Length - length < minimumStem) return (Enclitic.None, 0);

        var stem = word[..^length];
        var stemFrequency = BaseFrequency(stem);
        if (stemFrequency == 0) return (Enclitic.None, 0);
        var wordFrequency = _lexicon.Frequency(word);
        var ratio = minimumStem == 2 ? CommonPronounRatio : 1;
        if ((long)stemFrequency * ratio < wordFrequency) return (Enclitic.None, 0);

        // Final ي is far more often the nisba adjective ending (دولي، عربي) than "my"; a nisba has a feminine in ية.
        if (enclitic == Enclitic.Ya)
        {
            if (stemFrequency < (long)wordFrequency * FirstPersonRatio) return (Enclitic.None, 0);
            Span<char> feminine = stackalloc char[word.Length + 1];
            word.CopyTo(feminine);
            feminine[^1] = TaMarbuta;
            if (_lexicon.Frequency(feminine) > 0) return (Enclitic.None, 0);
        }
        return (enclitic, length);
    }

    private static (Enclitic, int) Classify(ReadOnlySpan<char> word)
    {
        var n = word.Length;
        var last = word[n - 1];
        var prev = word[n - 2];
        switch (last)
        {
            case Ha:
                return (Enclitic.Hu, 1);
            case Alef:
                if (prev == Ha) return (Enclitic.Ha, 2);
                if (prev == Nun) return (Enclitic.Na, 2);
                if (prev == Meem && n >= 4)
                {
                    if (word[n - 3] == Ha) return (Enclitic.Huma, 3);
                    if (word[n - 3] == Kaf) return (Enclitic.Kuma, 3);
                }
                return (Enclitic.None, 0);
            case Meem:
                if (prev == Ha) return (Enclitic.Hum, 2);
                if (prev == Kaf) return (Enclitic.Kum, 2);
                return (Enclitic.None, 0);
            case Nun:
                if (prev == Ha) return (Enclitic.Hunna, 2);
                if (prev == Kaf) return (Enclitic.Kunna, 2);
                return (Enclitic.None, 0);
            case Ya:
                return (Enclitic.Ya, 1);
            default:
                return (Enclitic.None, 0);
        }
    }

    /// <summary>Frequency of a stem as a free word, undoing the spelling changes a pronoun causes (ة→ت, وا→و).</summary>
    private int BaseFrequency(ReadOnlySpan<char> stem)
    {
        var frequency = _lexicon.Frequency(stem);
        if (stem.Length < 2) return frequency;
        var last = stem[^1];
        if (last is not (Ta or Waw)) return frequency;
        // The restored spelling is looked up even when the stem itself was seen: typos such as سيارت exist in any corpus.
        Span<char> restored = stackalloc char[stem.Length + 1];
        stem.CopyTo(restored);
        if (last == Ta)
        {
            restored[stem.Length - 1] = TaMarbuta;
            return Math.Max(frequency, _lexicon.Frequency(restored[..stem.Length]));
        }
        restored[stem.Length] = Alef;
        return Math.Max(frequency, _lexicon.Frequency(restored));
    }
}
