using Marsad.Text;

namespace Marsad.Analysis.Places;

/// <summary>
/// Resolves place names of one article to gazetteer entries.
/// <para>
/// Disambiguation by the article's country context: every name whose entries all lie in one country, and every
/// demonym in the text (ليبي، مصرية), votes for that country; a name with entries in several countries takes the
/// entry whose country has most votes (طرابلس beside بنغازي is Tripoli, Libya; beside بيروت, Tripoli, Lebanon).
/// Without context the more important entry wins: country, then capital, then population. A name the gazetteer
/// does not know stays unresolved (null): a wrong coordinate on a map is worse than a missing one.
/// </para>
/// </summary>
public sealed class Geocoder(Gazetteer gazetteer)
{
    public Gazetteer Gazetteer { get; } = gazetteer ?? throw new ArgumentNullException(nameof(gazetteer));

    /// <summary>Resolves <paramref name="names"/> together; <paramref name="text"/> (the article) adds demonym context.</summary>
    public Place?[] Resolve(IReadOnlyList<string> names, string? text = null) =>
        Resolve(names, text is null ? null : new KeyedWords(text));

    /// <summary>Resolves <paramref name="names"/> together; the demonyms among <paramref name="words"/> add context.</summary>
    public Place?[] Resolve(IReadOnlyList<string> names, KeyedWords? words)
    {
        var candidates = new IReadOnlyList<Place>[names.Count];
        for (var i = 0; i < candidates.Length; i++) candidates[i] = Gazetteer.Find(names[i]);
        var votes = CountryVotes(candidates, words);
        var resolved = new Place?[names.Count];
        for (var i = 0; i < candidates.Length; i++)
        {
            Place? best = null;
            foreach (var place in candidates[i])
                if (best is null || Better(place, best, votes)) best = place;
            resolved[i] = best;
        }
        return resolved;
    }

    /// <summary>The country context of an article: unambiguous names and demonyms.</summary>
    public Dictionary<string, int> CountryVotes(IReadOnlyList<IReadOnlyList<Place>> candidates, KeyedWords? words)
    {
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var list in candidates)
        {
            if (list.Count == 0) continue;
            var country = list[0].Country;
            if (list.All(p => p.Country == country)) votes[country] = votes.GetValueOrDefault(country) + 1;
        }
        if (words is not null)
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (words.Tokens[i].Kind != TokenKind.ArabicWord) continue;
                if (Gazetteer.DemonymCountryOfKey(words.Key(i)) is { } country)
                    votes[country] = votes.GetValueOrDefault(country) + 1;
            }
        }
        return votes;
    }

    /// <summary>
    /// Spans of multi-word names from the built-in list that occur in <paramref name="text"/> (a leading proclitic
    /// is left outside the span). Used to recover places the NER model missed: the team's multi-word names
    /// (الشرق الليبي، أبو ظبي، شبه جزيرة سيناء) are hand-checked and unambiguous as phrases, unlike single words
    /// such as عمان or صور, which are only geocoded when the model tags them as places.
    /// </summary>
    public static List<(int Start, int End)> FindMultiWordNames(string text) => FindMultiWordNames(new KeyedWords(text));

    /// <inheritdoc cref="FindMultiWordNames(string)"/>
    public static List<(int Start, int End)> FindMultiWordNames(KeyedWords words)
    {
        var builtIn = Gazetteer.BuiltIn;
        var found = new List<(int, int)>();
        Span<char> scratch = stackalloc char[256];
        for (var i = 0; i < words.Count; i++)
        {
            if (words.Tokens[i].Kind != TokenKind.ArabicWord || !builtIn.MayStartLongerName(words.Key(i))) continue;
            for (var n = Math.Min(builtIn.MaxNameWords, words.Count - i); n >= 2; n--)
            {
                if (!words.Contiguous(i, n)) continue;
                var key = words.Key(i, n);
                if (key.Length > scratch.Length) continue;
                var cut = -1;
                if (IsOnePlace(builtIn.Lookup(key))) cut = 0;
                else
                {
                    var readings = new ProcliticReadingEnumerator(key, scratch);
                    while (readings.MoveNext())
                    {
                        if (!IsOnePlace(builtIn.Lookup(readings.Form))) continue;
                        // A plain strip leaves the name in the text; لل → ال does not, so the span keeps the clitic.
                        cut = readings.Form.SequenceEqual(key[readings.Cut..]) ? readings.Cut : 0;
                        break;
                    }
                }
                if (cut < 0) continue;
                found.Add((words.Tokens[i].Start + cut, words.Tokens[i + n - 1].End));
                i += n - 1;
                break;
            }
        }
        return found;
    }

    private static bool IsOnePlace(IReadOnlyList<Place> places) => places.Count == 1;

    private static bool Better(Place a, Place b, Dictionary<string, int> votes)
    {
        var va = votes.GetValueOrDefault(a.Country);
        var vb = votes.GetValueOrDefault(b.Country);
        if (va != vb) return va > vb;
        if (Rank(a) != Rank(b)) return Rank(a) > Rank(b);
        return a.Population > b.Population;
    }

    /// <summary>Towns and regions rank alike (GeoNames has a district for many towns of the same name), so population decides between them.</summary>
    private static int Rank(Place place) => place.Kind switch
    {
        PlaceKind.Country => 2,
        PlaceKind.Capital => 1,
        _ => 0,
    };
}
