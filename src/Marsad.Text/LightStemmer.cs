namespace Marsad.Text;

/// <summary>
/// Rule-based light stemmer in the light10 family (Larkey et al.), for words normalised with
/// <see cref="NormalizationOptions.Default"/>. Returns a slice of its input: no allocation, no lookup tables beyond
/// a few character tests.
/// <para>
/// Differences from light10, each measured on the golden stemming corpus: it also strips ف, ب, ك, ل and the future
/// س before an imperfect verb, strips pronoun enclitics before inflectional endings (so حكومتها loses ها and then the
/// ت that stands for ة), handles verb person endings (تم، تن، تما، وا) and keeps a minimum stem of three letters
/// except for the article, which may leave two.
/// </para>
/// </summary>
public static class LightStemmer
{
    private const char Waw = '\u0648', Fa = '\u0641', Ba = '\u0628', Kaf = '\u0643', Lam = '\u0644', Alef = '\u0627',
        Sin = '\u0633', Ya = '\u064A', Ta = '\u062A', Nun = '\u0646', Ha = '\u0647', Meem = '\u0645', TaMarbuta = '\u0629', Hamza = '\u0621';

    private const int MinimumStem = 3;

    /// <summary>Strips proclitics, enclitics and inflectional endings by rule. Use for words without corpus context.</summary>
    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> normalizedWord)
    {
        var w = StripPrefixes(normalizedWord);
        return StemBase(w);
    }

    /// <summary>
    /// Strips only endings (pronouns and inflection) from a base whose proclitics were already decided by the
    /// <see cref="CliticSegmenter"/>, so corpus evidence, not rules, has the last word on the word's start.
    /// The result is always a prefix of <paramref name="word"/>.
    /// </summary>
    public static ReadOnlySpan<char> StemBase(ReadOnlySpan<char> word)
    {
        if (word.Length <= MinimumStem) return word;
        var withoutPronoun = StripEnclitic(word);
        // Before a pronoun the plural وا is written و (اسقطوها).
        if (withoutPronoun.Length < word.Length && withoutPronoun.Length > MinimumStem && withoutPronoun[^1] == Waw)
            withoutPronoun = withoutPronoun[..^1];
        word = withoutPronoun;

        // Endings stack outward-in as pronoun, ت (for ة or the verb subject), nisba ي (اسلاميتها), so inflection is
        // peeled up to three times.
        for (var round = 0; round < 3 && word.Length > MinimumStem; round++)
        {
            var shorter = StripInflection(word);
            if (shorter.Length == word.Length) break;
            word = shorter;
        }
        return word;
    }

    private static ReadOnlySpan<char> StripPrefixes(ReadOnlySpan<char> w)
    {
        // Two alefs never start an Arabic word once hamza is folded: the first is the interrogative أ (أأنت).
        // A bare hamza before alef is the old spelling of madda (ءامن for آمن).
        if (w.Length >= 3 && w[1] == Alef && w[0] is Alef or Hamza) w = w[1..];
        if (w.Length >= 4 && w[0] is Waw or Fa) w = w[1..];
        if (w.Length >= 4 && w[0] == Alef && w[1] == Lam) return w[2..];
        if (w.Length >= 5 && w[0] is Ba or Kaf or Lam && w[1] == Alef && w[2] == Lam) return w[3..];
        if (w.Length >= 4 && w[0] == Lam && w[1] == Lam) return w[2..];
        if (w.Length >= 5 && w[0] is Ba or Kaf or Lam) return w[1..];
        if (w.Length >= 5 && w[0] == Sin && w[1] is Ya or Ta or Nun) return w[1..];
        return w;
    }

    private static ReadOnlySpan<char> StripEnclitic(ReadOnlySpan<char> w)
    {
        var n = w.Length;
        int cut = 0;
        if (EndsWith(w, Ha, Meem, Alef) || EndsWith(w, Kaf, Meem, Alef)) cut = 3;
        else if (EndsWith(w, Ha, Meem) || EndsWith(w, Ha, Nun) || EndsWith(w, Kaf, Meem) || EndsWith(w, Kaf, Nun)
            || EndsWith(w, Ha, Alef) || EndsWith(w, Nun, Alef) || EndsWith(w, Nun, Ya)) cut = 2;
        else if (w[n - 1] is Ha or Kaf) cut = 1;
        return n - cut >= MinimumStem ? w[..(n - cut)] : w;
    }

    private static ReadOnlySpan<char> StripInflection(ReadOnlySpan<char> w)
    {
        var n = w.Length;
        int cut = 0;
        if (EndsWith(w, Ta, Meem, Alef) || EndsWith(w, Ta, Meem, Waw)) cut = 3;
        else if (EndsWith(w, Ta, Meem) || EndsWith(w, Ta, Nun) || EndsWith(w, Ta, Alef) || EndsWith(w, Alef, Nun) || EndsWith(w, Alef, Ta)
            || EndsWith(w, Waw, Nun) || EndsWith(w, Ya, Nun) || EndsWith(w, Waw, Alef) || EndsWith(w, Ya, TaMarbuta) || EndsWith(w, Nun, Alef)) cut = 2;
        else if (w[n - 1] is TaMarbuta or Ta or Ya or Alef) cut = 1;
        return n - cut >= MinimumStem ? w[..(n - cut)] : w;
    }

    private static bool EndsWith(ReadOnlySpan<char> w, char a, char b) => w.Length >= 2 && w[^2] == a && w[^1] == b;

    private static bool EndsWith(ReadOnlySpan<char> w, char a, char b, char c) => w.Length >= 3 && w[^3] == a && w[^2] == b && w[^1] == c;
}
