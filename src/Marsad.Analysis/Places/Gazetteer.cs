using System.Globalization;

namespace Marsad.Analysis.Places;

/// <summary>
/// Place names indexed by <see cref="PlaceNames.Key"/>, plus the demonym → country table. Built once, then only read
/// (safe to share between threads). <see cref="BuiltIn"/> is the team's hand-written list embedded in the library;
/// <see cref="Load"/> adds the compact file written by <c>marsad gazetteer import</c>.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>The file <c>marsad gazetteer import</c> writes into the data folder.</summary>
    public const string FileName = "gazetteer.bin";

    /// <summary>
    /// Two entries of the same name and country closer than this (degrees, ≈ 35 km) are one place: the built-in list
    /// and an imported GeoNames dump both know القاهرة, and a merged entry keeps the built-in name and gains the id.
    /// </summary>
    private const double SamePlaceDegrees = 0.3;

    private static readonly Lazy<Gazetteer> BuiltInInstance = new(CreateBuiltIn);
    private static readonly Lazy<Gazetteer> DefaultInstance = new(() =>
        Load(Environment.GetEnvironmentVariable("MARSAD_DATA") ?? "marsad-data"));

    private readonly Dictionary<string, List<Place>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Place> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _demonyms = new(StringComparer.Ordinal);
    // First words of names of two or more words: most words of an article start none, and one probe says so.
    private readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Place>>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _demonymsSpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWordsSpan;

    public Gazetteer()
    {
        _byKeySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _demonymsSpan = _demonyms.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWordsSpan = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The team's list only: what the tests and any machine without a data folder see.</summary>
    public static Gazetteer BuiltIn => BuiltInInstance.Value;

    /// <summary>Built-in plus <c>$MARSAD_DATA/gazetteer.bin</c> (else <c>./marsad-data/gazetteer.bin</c>) when that file exists.</summary>
    public static Gazetteer Default => DefaultInstance.Value;

    /// <summary>Distinct entries after merging.</summary>
    public int Count { get; private set; }

    /// <summary>The most words in any indexed name, which bounds the text scan for names.</summary>
    public int MaxNameWords { get; private set; }

    public static Gazetteer CreateBuiltIn()
    {
        var gazetteer = new Gazetteer();
        foreach (var line in ResourceLines("builtin-gazetteer.tsv"))
        {
            var f = line.Split('\t');
            if (f.Length != 6) throw new InvalidDataException($"builtin-gazetteer.tsv: expected 6 columns: {line}");
            var names = f[5].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var kind = Enum.Parse<PlaceKind>(f[0], ignoreCase: true);
            gazetteer.Add(new Place(names[0], kind, f[1], Number(f[2]), Number(f[3]), long.Parse(f[4], CultureInfo.InvariantCulture), null, names));
        }
        foreach (var line in ResourceLines("demonyms.tsv"))
        {
            var f = line.Split('\t');
            foreach (var adjective in f[1].Split('|')) gazetteer.AddDemonym(f[0], adjective);
        }
        return gazetteer;
    }

    /// <summary>Built-in entries plus those in <paramref name="dataDirectory"/>/gazetteer.bin when it exists.</summary>
    public static Gazetteer Load(string dataDirectory)
    {
        var gazetteer = CreateBuiltIn();
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            using var stream = File.OpenRead(path);
            foreach (var place in GazetteerFile.Read(stream)) gazetteer.Add(place);
        }
        return gazetteer;
    }

    public void Add(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var existing = FindSame(place);
        if (existing is not null)
        {
            Merge(existing, place);
            return;
        }
        Count++;
        Index(place, place.Names);
        if (place.Kind == PlaceKind.Country) _countries.TryAdd(place.Country, place);
    }

    /// <summary>
    /// Registers a masculine singular demonym (مصري) with the forms news uses for actors: feminine مصرية, definite
    /// المصري/المصرية and the sound plurals مصريون/مصريين with and without ال.
    /// </summary>
    public void AddDemonym(string country, string adjective)
    {
        var key = PlaceNames.Key(adjective);
        foreach (var form in new[] { key, key + "ه", key + "ون", key + "ين" })
        {
            _demonyms.TryAdd(form, country);
            _demonyms.TryAdd("ال" + form, country);
        }
    }

    /// <summary>Entries whose name is exactly <paramref name="key"/> (already a <see cref="PlaceNames.Key"/>).</summary>
    public IReadOnlyList<Place> Lookup(string key) => _byKey.TryGetValue(key, out var list) ? list : [];

    /// <inheritdoc cref="Lookup(string)"/>
    public IReadOnlyList<Place> Lookup(ReadOnlySpan<char> key) => _byKeySpan.TryGetValue(key, out var list) ? list : [];

    /// <summary>
    /// Whether a name of two or more words may start with the word whose key is <paramref name="wordKey"/>, as written
    /// or with a leading proclitic removed.
    /// </summary>
    public bool MayStartLongerName(ReadOnlySpan<char> wordKey)
    {
        if (_firstWordsSpan.Contains(wordKey)) return true;
        Span<char> scratch = stackalloc char[Math.Min(wordKey.Length, 256)];
        if (scratch.Length < wordKey.Length) return false;
        var readings = new ProcliticReadingEnumerator(wordKey, scratch);
        while (readings.MoveNext())
            if (_firstWordsSpan.Contains(readings.Form)) return true;
        return false;
    }

    /// <summary>
    /// Entries for a name as it appears in text: as written, else with a leading proclitic removed
    /// (وبنغازي، لبنغازي، وأبو ظبي). Empty when the name is unknown.
    /// </summary>
    public IReadOnlyList<Place> Find(string text)
    {
        var key = PlaceNames.Key(text);
        if (key.Length == 0) return [];
        var found = Lookup(key);
        if (found.Count > 0) return found;
        foreach (var (form, _) in PlaceNames.ProcliticReadings(key))
        {
            found = Lookup(form);
            if (found.Count > 0) return found;
        }
        return [];
    }

    /// <summary>The country entry for an ISO code, if the gazetteer has one.</summary>
    public Place? Country(string iso) => _countries.GetValueOrDefault(iso);

    /// <summary>The ISO code a demonym word (مصرية، والليبيين) denotes, or null.</summary>
    public string? DemonymCountry(string word) => DemonymCountryOfKey(PlaceNames.Key(word));

    /// <summary>The ISO code the word whose <see cref="PlaceNames.Key"/> is <paramref name="key"/> denotes as a demonym, or null.</summary>
    public string? DemonymCountryOfKey(ReadOnlySpan<char> key)
    {
        if (_demonymsSpan.TryGetValue(key, out var country)) return country;
        Span<char> scratch = stackalloc char[Math.Min(key.Length, 256)];
        if (scratch.Length < key.Length) return null;
        var readings = new ProcliticReadingEnumerator(key, scratch);
        while (readings.MoveNext())
            if (_demonymsSpan.TryGetValue(readings.Form, out country)) return country;
        return null;
    }

    private Place? FindSame(Place place)
    {
        // A country is one entry per ISO code: centroids from different sources differ by more than a city's would.
        if (place.Kind == PlaceKind.Country && _countries.TryGetValue(place.Country, out var country)) return country;
        foreach (var name in place.Names)
            foreach (var candidate in Lookup(PlaceNames.Key(name)))
                if (candidate.Country == place.Country && candidate.Kind == place.Kind
                    && Math.Abs(candidate.Latitude - place.Latitude) < SamePlaceDegrees
                    && Math.Abs(candidate.Longitude - place.Longitude) < SamePlaceDegrees)
                    return candidate;
        return null;
    }

    /// <summary>The first entry keeps its name and coordinates (the built-in list loads first); the later one adds its id, population and spellings.</summary>
    private void Merge(Place existing, Place added)
    {
        var names = existing.Names.Concat(added.Names).Distinct(StringComparer.Ordinal).ToArray();
        var merged = existing with
        {
            GeoNamesId = existing.GeoNamesId ?? added.GeoNamesId,
            Population = Math.Max(existing.Population, added.Population),
            Names = names,
        };
        foreach (var name in existing.Names)
        {
            var list = _byKey[PlaceNames.Key(name)];
            var i = list.FindIndex(p => ReferenceEquals(p, existing));
            if (i >= 0) list[i] = merged;
        }
        if (_countries.TryGetValue(existing.Country, out var country) && ReferenceEquals(country, existing)) _countries[existing.Country] = merged;
        Index(merged, added.Names.Where(n => !existing.Names.Contains(n, StringComparer.Ordinal)));
    }

    private void Index(Place place, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var key = PlaceNames.Key(name);
            if (key.Length == 0) continue;
            if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
            if (list.Exists(p => ReferenceEquals(p, place))) continue;
            list.Add(place);
            var words = PlaceNames.Words(key);
            MaxNameWords = Math.Max(MaxNameWords, words.Length);
            if (words.Length > 1) _firstWords.Add(words[0]);
        }
    }

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static IEnumerable<string> ResourceLines(string name)
    {
        var assembly = typeof(Gazetteer).Assembly;
        using var stream = assembly.GetManifestResourceStream("Marsad.Analysis.Places." + name)
            ?? throw new InvalidOperationException($"Embedded resource missing: {name}");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') yield return line;
    }
}
