using Marsad.Analysis.Places;

namespace Marsad.Analysis.Entities;

/// <summary>A well-known entity: its type (PERS, ORG, …) and the name every alias links to.</summary>
public sealed record KnownEntity(string Type, string Canonical);

/// <summary>A known entity found in a token sequence: tokens [Start, End) name <see cref="Entity"/>.</summary>
public readonly record struct KnownEntityMatch(int Start, int End, KnownEntity Entity);

/// <summary>
/// The team-written lexicon of well-known people, armed groups, organisations and media
/// (<c>Entities/Resources/known-entities.tsv</c>). It serves twice: every name becomes a typed gazetteer feature
/// of the NER model (built by <c>marsad train ner</c>), and the unambiguous names and the place patterns
/// (مجلس شورى ثوار {مكان}) are matched in text and override the model's tags in the entity component, with the
/// canonical name for linking (السيسي → عبد الفتاح السيسي).
/// </summary>
public sealed class KnownEntities
{
    /// <summary>The slot of a pattern line: any name the place gazetteer knows.</summary>
    public const string PlaceSlot = "{مكان}";

    private const int MaxPlaceWords = 3;

    private static readonly Lazy<KnownEntities> DefaultInstance = new(() => Parse(ResourceLines()));

    /// <summary>Hard names: key phrase (<see cref="PlaceNames.Key"/> words joined by spaces) → entity.</summary>
    private readonly Dictionary<string, KnownEntity> _names = new(StringComparer.Ordinal);

    private readonly List<(string[] Words, string Type)> _patterns = [];

    /// <summary>First words of every name and pattern: most tokens start none, and are skipped without building phrases.</summary>
    private readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);
    private readonly List<(string Type, string Name)> _featureNames = [];
    private int _maxWords = 1;

    /// <summary>The lexicon shipped in the library.</summary>
    public static KnownEntities Default => DefaultInstance.Value;

    /// <summary>Every name with its type (hard, soft and canonical, patterns excluded): the NER gazetteer features.</summary>
    public IReadOnlyList<(string Type, string Name)> FeatureNames => _featureNames;

    public int Count => _names.Count;

    /// <summary>Reads the lexicon format: <c>type TAB canonical TAB aliases|…</c>, <c>~</c> marking soft names, <c>#</c> comments.</summary>
    public static KnownEntities Parse(IEnumerable<string> lines)
    {
        var lexicon = new KnownEntities();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            var type = f[0].Trim();
            if (type is not ("PERS" or "LOC" or "ORG" or "MISC")) throw new InvalidDataException($"known entities: unknown type '{type}'");
            var canonical = f[1].Trim();
            if (canonical.Contains(PlaceSlot, StringComparison.Ordinal))
            {
                var words = PlaceNames.Words(PlaceNames.Key(canonical.Replace(PlaceSlot, "", StringComparison.Ordinal)));
                if (!canonical.EndsWith(PlaceSlot, StringComparison.Ordinal) || words.Length == 0)
                    throw new InvalidDataException($"known entities: the place slot must end a pattern: {line}");
                lexicon._patterns.Add((words, type));
                lexicon._firstWords.Add(words[0]);
                continue;
            }
            var entity = new KnownEntity(type, canonical);
            lexicon.AddName(entity, canonical, hard: true);
            if (f.Length > 2)
                foreach (var alias in f[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    lexicon.AddName(entity, alias.TrimStart('~'), hard: alias[0] != '~');
        }
        return lexicon;
    }

    private void AddName(KnownEntity entity, string name, bool hard)
    {
        _featureNames.Add((entity.Type, name));
        if (!hard) return;
        var key = PlaceNames.Key(name);
        if (key.Length == 0) return;
        _names.TryAdd(key, entity);
        var words = PlaceNames.Words(key);
        _firstWords.Add(words[0]);
        _maxWords = Math.Max(_maxWords, words.Length);
    }

    /// <summary>
    /// Known names in <paramref name="tokens"/>, longest first from the left, never overlapping. The first word may
    /// carry a proclitic (والسيسي، لحفتر); a pattern's slot is filled by the longest run of tokens
    /// <paramref name="isPlace"/> accepts. The canonical name of a pattern match is the match with the proclitic cut.
    /// </summary>
    public List<KnownEntityMatch> Match(IReadOnlyList<string> tokens, Func<string, bool>? isPlace = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var matches = new List<KnownEntityMatch>();
        var keys = new string[tokens.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = PlaceNames.Key(tokens[i]);
        for (var i = 0; i < tokens.Count;)
        {
            if (keys[i].Length == 0 || keys[i].Contains(' ', StringComparison.Ordinal) || !MayStart(keys[i]))
            {
                i++;
                continue;
            }
            var best = default(KnownEntityMatch);
            var bestLength = 0;
            foreach (var (first, cut) in Readings(keys[i]))
            {
                for (var n = Math.Min(_maxWords, tokens.Count - i); n > bestLength; n--)
                {
                    if (!Phrase(keys, i, n, first, out var phrase)) continue;
                    if (_names.TryGetValue(phrase, out var entity))
                    {
                        best = new KnownEntityMatch(i, i + n, entity);
                        bestLength = n;
                        break;
                    }
                }
                if (isPlace is null) continue;
                foreach (var (words, type) in _patterns)
                {
                    if (i + words.Length >= tokens.Count || first != words[0]) continue;
                    var prefixMatches = true;
                    for (var k = 1; k < words.Length && prefixMatches; k++) prefixMatches = keys[i + k] == words[k];
                    if (!prefixMatches) continue;
                    var from = i + words.Length;
                    for (var n = Math.Min(MaxPlaceWords, tokens.Count - from); n >= 1 && words.Length + n > bestLength; n--)
                    {
                        if (!Phrase(keys, from, n, keys[from], out _)) continue;
                        if (!isPlace(string.Join(' ', tokens.Skip(from).Take(n)))) continue;
                        var text = tokens[i][cut..] + " " + string.Join(' ', tokens.Skip(i + 1).Take(words.Length + n - 1));
                        best = new KnownEntityMatch(i, from + n, new KnownEntity(type, text));
                        bestLength = words.Length + n;
                        break;
                    }
                }
            }
            if (bestLength == 0)
            {
                i++;
                continue;
            }
            matches.Add(best);
            i += bestLength;
        }
        return matches;
    }

    /// <summary>
    /// Whether a name or pattern can start at a token: its key, or one of the forms <see cref="Readings"/> can give
    /// (a first letter or two cut, لل read as ال), is a first word. A superset of the readings, checked without allocating.
    /// </summary>
    private bool MayStart(string key)
    {
        var lookup = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadOnlySpan<char> k = key;
        if (lookup.Contains(k)) return true;
        Span<char> definite = stackalloc char[k.Length + 1];
        for (var cut = 1; cut <= 2 && cut < k.Length; cut++)
        {
            if (lookup.Contains(k[cut..])) return true;
            definite[0] = 'ا';
            k[cut..].CopyTo(definite[1..]);
            if (lookup.Contains(definite[..(k.Length - cut + 1)])) return true;
        }
        return false;
    }

    /// <summary>The word as written, then with a leading proclitic removed; with how many characters of the original token were cut (approximately, for display).</summary>
    private static IEnumerable<(string Form, int Cut)> Readings(string key)
    {
        yield return (key, 0);
        foreach (var reading in PlaceNames.ProcliticReadings(key)) yield return reading;
    }

    /// <summary>Joins n keys from i (the first replaced by <paramref name="first"/>); false when a token is not a single word.</summary>
    private static bool Phrase(string[] keys, int i, int n, string first, out string phrase)
    {
        phrase = first;
        for (var k = i + 1; k < i + n; k++)
        {
            if (keys[k].Length == 0 || keys[k].Contains(' ', StringComparison.Ordinal)) return false;
            phrase += " " + keys[k];
        }
        return true;
    }

    private static IEnumerable<string> ResourceLines()
    {
        const string name = "Marsad.Analysis.Entities.known-entities.tsv";
        using var stream = typeof(KnownEntities).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }
}
