using System.Globalization;
using Marsad.Text;

namespace Marsad.Analysis.Events;

/// <summary>
/// The words the event coder reads: triggers, modality cues, role nouns, armed groups, prepositions, casualty words
/// and context words, from the team-written <c>event-lexicon.tsv</c> plus any lexicon a user imported. Every form is
/// analysed with the same <see cref="ArabicAnalyzerChain"/> the extractor runs and kept under its normalised form and,
/// when only the article or a pronoun was split off, its base; the extractor looks a word up whole, without a leading
/// و/ف, then by base, so لغارات and الغارات find the entry written as غارات. Not light stems: stems merge too much
/// (مليونية with مليون, القتالية with قتال), so the lexicon lists the inflections it means.
/// </summary>
public sealed class EventLexicon
{
    private const string ResourceName = "Marsad.Analysis.Events.event-lexicon.tsv";

    /// <summary>The name of an imported lexicon in a data folder, loaded after the built-in one.</summary>
    public const string ImportedFileName = "events-lexicon.tsv";

    private static readonly Lazy<EventLexicon> BuiltInInstance = new(() => Parse(ReadBuiltIn(), "built-in event lexicon"));

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<List<LexiconEntry>> _byFirstWord = [];
    private readonly Dictionary<string, string> _iso3 = new(StringComparer.Ordinal);
    private readonly ArabicAnalyzerChain _loaderChain = new();

    private EventLexicon() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The lexicon that ships with Marsad.</summary>
    public static EventLexicon BuiltIn => BuiltInInstance.Value;

    public int TriggerCount { get; private set; }

    /// <summary>Parses lexicon lines (the format of <c>event-lexicon.tsv</c>); <paramref name="source"/> names them in errors.</summary>
    public static EventLexicon Parse(IEnumerable<string> lines, string source)
    {
        var lexicon = new EventLexicon();
        lexicon.AddLines(lines, source);
        return lexicon;
    }

    /// <summary>The built-in lexicon extended with the imported one in <paramref name="dataDirectory"/>, if there is one.</summary>
    public static EventLexicon Load(string? dataDirectory)
    {
        var path = dataDirectory is null ? null : Path.Combine(dataDirectory, ImportedFileName);
        if (path is null || !File.Exists(path)) return BuiltIn;
        var lexicon = new EventLexicon();
        lexicon.AddLines(ReadBuiltIn(), "built-in event lexicon");
        lexicon.AddLines(File.ReadLines(path), path);
        return lexicon;
    }

    public static IEnumerable<string> ReadBuiltIn()
    {
        using var stream = typeof(EventLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"missing resource {ResourceName}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }

    /// <summary>The id of a token's clitic-free base, or -1 when the lexicon has no form with that base.</summary>
    public int Id(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var id) ? id : -1;

    /// <summary>The ISO 3166-1 alpha-3 code for an alpha-2 code, or null.</summary>
    public string? Iso3(string? iso2) => iso2 is not null && _iso3.TryGetValue(iso2, out var code) ? code : null;

    internal IReadOnlyList<LexiconEntry> EntriesStartingWith(int id) => id >= 0 && id < _byFirstWord.Count ? _byFirstWord[id] : [];

    private void AddLines(IEnumerable<string> lines, string source)
    {
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            try
            {
                AddLine(fields);
            }
            catch (FormatException e)
            {
                throw new FormatException($"{source}:{number}: {e.Message}", e);
            }
        }
    }

    private void AddLine(string[] f)
    {
        switch (f[0])
        {
            case "trigger":
                Require(f, 9);
                if (!EventCoding.IsAcledKey(f[3])) throw new FormatException($"unknown ACLED key '{f[3]}'");
                if (!EventModalityNames.TryParse(f[7], out var defaultModality)) throw new FormatException($"unknown modality '{f[7]}'");
                var trigger = new TriggerDefinition(
                    f[1],
                    f[2],
                    f[3],
                    f[4] switch
                    {
                        "actor" => true,
                        "target" => false,
                        _ => throw new FormatException($"genitive must be actor or target, not '{f[4]}'"),
                    },
                    f[5] == "-" ? null : f[5],
                    double.Parse(f[6], CultureInfo.InvariantCulture),
                    defaultModality);
                AddForms(f[8], words => new(LexiconEntryKind.Trigger, words) { Trigger = trigger });
                break;
            default:
                AddOther(f);
                break;
        }
    }

    private void AddOther(string[] f)
    {
        switch (f[0])
        {
            case "veto":
                Require(f, 2);
                AddForms(f[1], words => new(LexiconEntryKind.Veto, words));
                break;
            case "cue":
                Require(f, 4);
                var direction = f[2] switch
                {
                    "before" => CueDirection.Before,
                    "near" => CueDirection.Near,
                    "after" => CueDirection.After,
                    _ => throw new FormatException($"cue direction must be before, near or after, not '{f[2]}'"),
                };
                if (f[1] == "past")
                {
                    AddForms(f[3], words => new(LexiconEntryKind.PastCue, words) { Direction = direction });
                    break;
                }
                if (!EventModalityNames.TryParse(f[1], out var modality)) throw new FormatException($"unknown modality '{f[1]}'");
                AddForms(f[3], words => new(LexiconEntryKind.Cue, words) { Modality = modality, Direction = direction });
                break;
            case "agent" or "anaphor" or "prep" or "fatal" or "context":
                Require(f, 3);
                var kind = f[0] switch
                {
                    "agent" => LexiconEntryKind.Agent,
                    "anaphor" => LexiconEntryKind.Anaphor,
                    "prep" => LexiconEntryKind.Preposition,
                    "fatal" => LexiconEntryKind.Fatality,
                    _ => LexiconEntryKind.Context,
                };
                AddForms(f[2], words => new(kind, words) { Code = f[1] });
                break;
            case "group":
                Require(f, 3);
                var canonical = f[2].Split('|')[0];
                AddForms(f[2], words => new(LexiconEntryKind.Group, words) { Code = f[1], Canonical = canonical });
                break;
            case "quantity" or "number":
                Require(f, 3);
                var quantity = int.Parse(f[1], CultureInfo.InvariantCulture);
                var numberKind = f[0] == "number" ? LexiconEntryKind.Number : LexiconEntryKind.Quantity;
                AddForms(f[2], words => new(numberKind, words) { Quantity = quantity });
                break;
            case "associate" or "light" or "demonstrative" or "relative" or "undergo" or "nonfiller" or "resumptive":
                Require(f, 2);
                var wordKind = f[0] switch
                {
                    "associate" => LexiconEntryKind.Associate,
                    "light" => LexiconEntryKind.LightVerb,
                    "demonstrative" => LexiconEntryKind.Demonstrative,
                    "undergo" => LexiconEntryKind.Undergo,
                    "nonfiller" => LexiconEntryKind.NonFiller,
                    "resumptive" => LexiconEntryKind.Resumptive,
                    _ => LexiconEntryKind.Relative,
                };
                AddForms(f[1], words => new(wordKind, words));
                break;
            case "country":
                Require(f, 3);
                _iso3[f[1]] = f[2];
                break;
            default:
                throw new FormatException($"unknown entry kind '{f[0]}'");
        }
    }

    private static void Require(string[] fields, int count)
    {
        if (fields.Length < count) throw new FormatException($"'{fields[0]}' needs {count} tab-separated fields, found {fields.Length}");
    }

    private void AddForms(string forms, Func<int[], LexiconEntry> create)
    {
        foreach (var written in forms.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var verb = written[0] == '+';
            var passive = written[0] == '-';
            var form = verb || passive ? written[1..] : written;
            var words = new List<int>();
            foreach (var token in _loaderChain.Analyze(form))
            {
                if (!token.Token.IsContent) continue;
                var id = Intern(token.Normalized.ToString());
                // The base is an alias only when what the segmenter stripped is the article or a pronoun: in فجرت the
                // ف is a root letter, and its "base" جرت (took place) must not find the bombing.
                if ((token.Clitics.Proclitics & ~Proclitics.Al) == 0) _ids.TryAdd(token.Base.ToString(), id);
                words.Add(id);
            }
            if (words.Count == 0) continue;
            var entry = create([.. words]);
            entry.Verb = verb;
            entry.Passive = passive;
            if (entry.Kind == LexiconEntryKind.Trigger) TriggerCount++;
            _byFirstWord[words[0]].Add(entry);
        }
    }

    private int Intern(string stem)
    {
        if (_ids.TryGetValue(stem, out var id)) return id;
        // Aliases share ids, so the next id is the number of distinct words, not of keys.
        id = _byFirstWord.Count;
        _ids.Add(stem, id);
        _byFirstWord.Add([]);
        return id;
    }
}
