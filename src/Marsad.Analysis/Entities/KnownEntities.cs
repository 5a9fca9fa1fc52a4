using Marsad.Analysis.Places;
using Marsad.Text;

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
        // Keys are made as strings only where a name may start and for the words after it: most tokens start
        // nothing, and their keys are checked in a stack buffer.
        var keys = new string?[tokens.Count];
        Span<char> buffer = stackalloc char[64 * ArabicNormalizer.MaxExpansion];
        Span<char> phrase = stackalloc char[PhraseCapacity];
        var names = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < tokens.Count;)
        {
            if (!MayStartAt(tokens[i], buffer))
            {
                i++;
                continue;
            }
            var best = default(KnownEntityMatch);
            var bestLength = 0;
            foreach (var (first, cut) in Readings(KeyAt(tokens, keys, i)))
            {
                for (var n = Math.Min(_maxWords, tokens.Count - i); n > bestLength; n--)
                {
                    var length = Phrase(tokens, keys, i, n, first, phrase);
                    if (length < 0) continue;
                    if (names.TryGetValue(phrase[..length], out var entity))
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
                    for (var k = 1; k < words.Length && prefixMatches; k++) prefixMatches = KeyAt(tokens, keys, i + k) == words[k];
                    if (!prefixMatches) continue;
                    var from = i + words.Length;
                    for (var n = Math.Min(MaxPlaceWords, tokens.Count - from); n >= 1 && words.Length + n > bestLength; n--)
                    {
                        if (!AllSingleWords(tokens, keys, from + 1, n - 1)) continue;
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
    /// Whether a name or pattern can start at a token: its key is one word, and it or one of the forms
    /// <see cref="Readings"/> can give (a first letter or two cut, لل read as ال) is a first word. A superset of the
    /// readings, checked without allocating (tokens too long for <paramref name="buffer"/> are read as strings).
    /// </summary>
    private bool MayStartAt(string token, Span<char> buffer)
    {
        if (token.Length * ArabicNormalizer.MaxExpansion > buffer.Length) return MayStart(PlaceNames.Key(token));
        return MayStart(buffer[..PlaceNames.KeyInto(token, buffer)]);
    }

    private bool MayStart(ReadOnlySpan<char> k)
    {
        if (k.Length == 0 || k.Contains(' ')) return false;
        var lookup = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
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

    /// <summary>Longest phrase looked up; no name in the lexicon comes near it.</summary>
    private const int PhraseCapacity = 256;

    /// <summary>
    /// Writes n keys from i (the first replaced by <paramref name="first"/>), space-separated, into
    /// <paramref name="destination"/>; -1 when a token is not a single word or the phrase does not fit.
    /// </summary>
    private static int Phrase(IReadOnlyList<string> tokens, string?[] keys, int i, int n, string first, Span<char> destination)
    {
        if (first.Length > destination.Length) return -1;
        first.CopyTo(destination);
        var length = first.Length;
        for (var k = i + 1; k < i + n; k++)
        {
            var key = KeyAt(tokens, keys, k);
            if (!IsSingleWord(key) || length + 1 + key.Length > destination.Length) return -1;
            destination[length++] = ' ';
            key.CopyTo(destination[length..]);
            length += key.Length;
        }
        return length;
    }

    private static bool AllSingleWords(IReadOnlyList<string> tokens, string?[] keys, int i, int n)
    {
        for (var k = i; k < i + n; k++)
            if (!IsSingleWord(KeyAt(tokens, keys, k))) return false;
        return true;
    }

    private static bool IsSingleWord(string key) => key.Length > 0 && !key.Contains(' ', StringComparison.Ordinal);

    private static string KeyAt(IReadOnlyList<string> tokens, string?[] keys, int i) => keys[i] ??= PlaceNames.Key(tokens[i]);

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
