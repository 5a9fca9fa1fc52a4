using System.Collections.Frozen;
using Marsad.Analysis.Places;
using Marsad.Text;

namespace Marsad.Analysis.Linking;

/// <summary>
/// Clusters an article's entity mentions into entities, each with a canonical name and a stable id
/// (<see cref="EntityIds"/>), and resolves places with a <see cref="Geocoder"/>.
/// <list type="bullet">
/// <item>Names match on <see cref="PlaceNames.Key"/>; a leading proclitic is dropped when the rest is a name the
/// article uses elsewhere (لحفتر → حفتر) or a gazetteer place (وأبو ظبي → أبو ظبي).</item>
/// <item>A person's partial name joins the one longer name that contains it (حفتر → خليفة حفتر); with two
/// candidates it stays apart, since a wrong merge is worse than a split.</item>
/// <item>A title written right before a name (<see cref="PersonTitles"/>) becomes an alias when it precedes only
/// that person in the article; its bare uses are added as mentions of the person.</item>
/// <item>A demonym right after an actor noun (قوات مصرية، بإشراف مصري) is added as a MISC mention of the country.</item>
/// <item>LOC mentions are geocoded together, so the country context disambiguates; unknown places stay unresolved.</item>
/// </list>
/// </summary>
public sealed class EntityLinker(Geocoder geocoder)
{
    private const string Person = "PERS", Location = "LOC", Misc = "MISC";

    // Longer than any title or actor noun: such a word is neither, and its readings need no stack buffer.
    private const int MaxPhraseLength = 128;

    // Team-written: nouns after which a demonym names a state acting (forces, strikes, supervision, officials).
    private static readonly FrozenSet<string> ActorNouns = new[]
    {
        "قوات", "القوات", "جيش", "الجيش", "السلطات", "سلطات", "الحكومة", "حكومة", "غارات", "الغارات", "طائرات", "الطائرات",
        "الطيران", "ضربات", "الضربات", "قصف", "القصف", "إشراف", "الإشراف", "دعم", "الدعم", "وعود", "وساطة", "الوساطة",
        "مسؤول", "مسؤولون", "مسؤولين", "المسؤولين", "مصادر", "المصادر", "وزارة", "الخارجية", "الرئاسة", "البحرية",
        "الأمن", "تدخل", "التدخل", "مشاركة", "وفد", "الوفد", "النظام", "الجانب", "المخابرات", "الاستخبارات",
    }.Select(PlaceNames.Key).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ActorNounKeys = ActorNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    public Geocoder Geocoder { get; } = geocoder ?? throw new ArgumentNullException(nameof(geocoder));

    public void Link(Document document)
    {
        var body = document.Body;
        var mentions = document.Entities;
        var words = new KeyedWords(body);

        foreach (var (start, end) in Geocoder.FindMultiWordNames(words))
            if (!Overlaps(mentions, start, end)) mentions.Add(new EntityMention(Location, start, end, body[start..end]));
        AddActorDemonyms(words, mentions);
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));

        var links = new (string Type, string Key, string Name, Place? Place)[mentions.Count];
        var locations = Enumerable.Range(0, mentions.Count).Where(i => mentions[i].Type == Location).ToList();
        var places = Geocoder.Resolve(locations.Select(i => mentions[i].Text).ToList(), words);
        for (var n = 0; n < locations.Count; n++)
            if (places[n] is { } place) links[locations[n]] = PlaceLink(place);

        var known = KnownForms(mentions);
        for (var i = 0; i < mentions.Count; i++)
        {
            if (links[i].Key is not null) continue;
            var mention = mentions[i];
            if (mention.Type != Person && Geocoder.Gazetteer.DemonymCountry(mention.Text) is { } iso && !mention.Text.Contains(' ')
                && Geocoder.Gazetteer.Country(iso) is { } country)
            {
                links[i] = PlaceLink(country);
                continue;
            }
            var (key, name) = mention.Canonical is { } canonical ? (PlaceNames.Key(canonical), canonical) : StripKnownClitic(mention, known);
            links[i] = (mention.Type, key, name, null);
        }

        JoinPartialNames(links);
        links = AddTitleMentions(words, mentions, links);

        var entities = new Dictionary<string, LinkedEntity>(StringComparer.Ordinal);
        for (var i = 0; i < mentions.Count; i++)
        {
            var (type, key, name, place) = links[i];
            var id = EntityIds.Create(type, key);
            if (!entities.TryGetValue(id, out var entity))
            {
                entities[id] = entity = new LinkedEntity(id, type, name, place);
                document.LinkedEntities.Add(entity);
            }
            entity.Mentions++;
            if (!entity.Aliases.Contains(mentions[i].Text)) entity.Aliases.Add(mentions[i].Text);
            mentions[i].EntityId = id;
        }
    }

    private static (string, string, string, Place?) PlaceLink(Place place) =>
        (Location, PlaceNames.Key(place.Name) + "|" + place.Country, place.Name, place);

    /// <summary>Keys of each type's mentions and the words inside them: the forms a clitic-bearing mention may reduce to.</summary>
    private static Dictionary<string, HashSet<string>> KnownForms(List<EntityMention> mentions)
    {
        var known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            if (!known.TryGetValue(mention.Type, out var set)) known[mention.Type] = set = new HashSet<string>(StringComparer.Ordinal);
            var key = PlaceNames.Key(mention.Text);
            set.Add(key);
            foreach (var word in PlaceNames.Words(key)) set.Add(word);
        }
        return known;
    }

    private static (string Key, string Name) StripKnownClitic(EntityMention mention, Dictionary<string, HashSet<string>> known)
    {
        var key = PlaceNames.Key(mention.Text);
        var words = PlaceNames.Words(key);
        if (words.Length == 0) return (key, mention.Text);
        var set = known[mention.Type];
        foreach (var (form, cut) in PlaceNames.ProcliticReadings(words[0]))
        {
            var stripped = words.Length == 1 ? form : form + " " + string.Join(' ', words[1..]);
            // The stripped form must occur elsewhere (as a mention or a word of one) to count as the name.
            if (!set.Contains(stripped)) continue;
            var name = form.AsSpan().SequenceEqual(words[0].AsSpan(cut)) ? mention.Text[cut..] : mention.Text;
            return (stripped, name);
        }
        return (key, mention.Text);
    }

    /// <summary>A person's name that is a contiguous part of exactly one longer name joins that name's entity.</summary>
    private static void JoinPartialNames((string Type, string Key, string Name, Place? Place)[] links)
    {
        var full = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < links.Length; i++)
            if (links[i].Type == Person) full.TryAdd(links[i].Key, links[i].Name);
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in full.Keys)
        {
            var words = PlaceNames.Words(key);
            var containers = full.Keys.Where(other => other.Length > key.Length && ContainsRun(PlaceNames.Words(other), words)).ToList();
            var maximal = containers.Where(c => !containers.Any(o => o.Length > c.Length && ContainsRun(PlaceNames.Words(o), PlaceNames.Words(c)))).ToList();
            canonical[key] = maximal.Count == 1 ? maximal[0] : key;
        }
        for (var i = 0; i < links.Length; i++)
            if (links[i].Type == Person && canonical[links[i].Key] is var target && target != links[i].Key)
                links[i] = (Person, target, full[target], null);
    }

    private static bool ContainsRun(string[] haystack, string[] needle)
    {
        for (var s = 0; s + needle.Length <= haystack.Length; s++)
            if (haystack.AsSpan(s, needle.Length).SequenceEqual(needle)) return true;
        return false;
    }

    /// <summary>
    /// Records the title phrase right before each person mention; a phrase that precedes one person only links its
    /// other, bare uses to that person. A bare use followed by a definite word is skipped: the role may go on
    /// (الرئيس السابق، الرئيس الأمريكي) and name someone else.
    /// </summary>
    private (string Type, string Key, string Name, Place? Place)[] AddTitleMentions(
        KeyedWords words, List<EntityMention> mentions, (string Type, string Key, string Name, Place? Place)[] links)
    {
        var body = words.Text;
        var titleOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var preNameTitles = new HashSet<int>();
        for (var m = 0; m < mentions.Count; m++)
        {
            if (mentions[m].Type != Person) continue;
            var first = FirstTokenFrom(words.Tokens, mentions[m].Start);
            if (first <= 0) continue;
            for (var n = Math.Min(PersonTitles.MaxWords + 1, first); n >= 1; n--)
            {
                if (!words.Contiguous(first - n, n + 1)) continue;
                var phrase = TitleKey(words.Key(first - n, n));
                if (phrase is null) continue;
                if (!titleOf.TryGetValue(phrase, out var people)) titleOf[phrase] = people = new HashSet<string>(StringComparer.Ordinal);
                people.Add(links[m].Key);
                preNameTitles.Add(words.Tokens[first - n].Start);
                break;
            }
        }
        var added = new List<(EntityMention Mention, int Link)>();
        foreach (var (phrase, people) in titleOf)
        {
            if (people.Count != 1) continue;
            var person = people.First();
            var link = Array.FindIndex(links, l => l.Type == Person && l.Key == person);
            var length = PlaceNames.Words(phrase).Length;
            for (var w = 0; w + length <= words.Count; w++)
            {
                if (preNameTitles.Contains(words.Tokens[w].Start) || !words.Contiguous(w, length)) continue;
                if (!IsTitle(words.Key(w, length), phrase)) continue;
                var start = words.Tokens[w].Start;
                var end = words.Tokens[w + length - 1].End;
                if (Overlaps(mentions, start, end)) continue;
                if (words.Contiguous(w + length - 1, 2) && words.Key(w + length).StartsWith("ال", StringComparison.Ordinal))
                    continue;
                added.Add((new EntityMention(Person, start, end, body[start..end]), link));
            }
        }
        if (added.Count == 0) return links;
        var all = mentions.Select((m, i) => (Mention: m, Link: links[i])).Concat(added.Select(a => (a.Mention, Link: links[a.Link]))).OrderBy(x => x.Mention.Start).ToList();
        mentions.Clear();
        mentions.AddRange(all.Select(x => x.Mention));
        return all.Select(x => x.Link).ToArray();
    }

    private static int FirstTokenFrom(IReadOnlyList<Token> tokens, int start)
    {
        for (var i = 0; i < tokens.Count; i++)
            if (tokens[i].Start >= start) return i;
        return -1;
    }

    /// <summary>The title a phrase key spells (a proclitic on the first word allowed; a trailing demonym kept), or null.</summary>
    private string? TitleKey(ReadOnlySpan<char> key)
    {
        if (Title(key)) return key.ToString();
        if (key.Length > MaxPhraseLength) return null;
        Span<char> scratch = stackalloc char[key.Length];
        var readings = new ProcliticReadingEnumerator(key, scratch);
        while (readings.MoveNext())
            if (Title(readings.Form)) return readings.Form.ToString();
        return null;
    }

    /// <summary>Whether <see cref="TitleKey"/> of <paramref name="key"/> is <paramref name="phrase"/>, without building the string.</summary>
    private bool IsTitle(ReadOnlySpan<char> key, string phrase)
    {
        if (Title(key)) return key.SequenceEqual(phrase);
        if (key.Length > MaxPhraseLength) return false;
        Span<char> scratch = stackalloc char[key.Length];
        var readings = new ProcliticReadingEnumerator(key, scratch);
        while (readings.MoveNext())
            if (Title(readings.Form)) return readings.Form.SequenceEqual(phrase);
        return false;
    }

    private bool Title(ReadOnlySpan<char> key)
    {
        if (TitleKeys.Contains(key)) return true;
        var space = key.LastIndexOf(' ');
        return space > 0 && TitleKeys.Contains(key[..space]) && Geocoder.Gazetteer.DemonymCountryOfKey(key[(space + 1)..]) is not null;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleKeys = PersonTitles.Keys.GetAlternateLookup<ReadOnlySpan<char>>();

    private void AddActorDemonyms(KeyedWords words, List<EntityMention> mentions)
    {
        for (var w = 1; w < words.Count; w++)
        {
            if (words.Tokens[w].Kind != TokenKind.ArabicWord || !words.Contiguous(w - 1, 2)) continue;
            if (Geocoder.Gazetteer.DemonymCountryOfKey(words.Key(w)) is null || !IsActorNoun(words.Key(w - 1))) continue;
            var (start, end) = (words.Tokens[w].Start, words.Tokens[w].End);
            if (Overlaps(mentions, start, end)) continue;
            mentions.Add(new EntityMention(Misc, start, end, words.Text[start..end]));
        }
    }

    private static bool IsActorNoun(ReadOnlySpan<char> key)
    {
        if (ActorNounKeys.Contains(key)) return true;
        if (key.Length > MaxPhraseLength) return false;
        Span<char> scratch = stackalloc char[key.Length];
        var readings = new ProcliticReadingEnumerator(key, scratch);
        while (readings.MoveNext())
            if (ActorNounKeys.Contains(readings.Form)) return true;
        return false;
    }

    private static bool Overlaps(List<EntityMention> mentions, int start, int end) =>
        mentions.Exists(m => m.Start < end && start < m.End);
}
