using System.Globalization;
using System.Text;

namespace Marsad.Analysis.Events;

/// <summary>The kinds of PETRARCH dictionary <see cref="PetrarchDictionary"/> reads.</summary>
public enum PetrarchDictionaryKind
{
    /// <summary>Verb dictionaries (<c>--- VERB [code] ---</c> blocks, forms, <c>- * pattern [code]</c> lines, <c>&amp;SYNSET</c> lists).</summary>
    Verbs,

    /// <summary>Actor dictionaries: <c>NAME [CODE]</c>, or a name followed by indented <c>[CODE dates]</c> lines.</summary>
    Actors,

    /// <summary>Agent dictionaries: <c>ENGLISH_NAME [~CODE]arabic words</c>.</summary>
    Agents,
}

/// <summary>What one import read and wrote.</summary>
public sealed record PetrarchImportCounts(int Triggers, int TriggerForms, int Groups, int Agents, int Skipped);

/// <summary>
/// Converts PETRARCH-format dictionaries (the coder of the Open Event Data Alliance) into lines of Marsad's event
/// lexicon (the format of <c>event-lexicon.tsv</c>), for <c>marsad events import-dictionary</c>. The result is loaded
/// after the built-in lexicon by <see cref="EventLexicon.Load"/>.
/// <list type="bullet">
/// <item>Verbs: every form with a CAMEO code (its own, else its block's) becomes a trigger of type <c>cameo_CODE</c>;
/// every pattern becomes multi-word forms — the pattern's words in order with each verb form of the block where the
/// pattern has <c>*</c> (synonym sets expanded, <c>$</c> source and <c>+</c> target slots and brackets dropped). Marsad
/// matches a multi-word form on consecutive words only, so patterns whose words stand apart in the text are not found.
/// The ACLED key is set where the CAMEO code names one plainly (protests, riots, fighting, shelling, air strikes,
/// bombings, abductions, arrests, agreements), else <c>-</c>; violence and coercion read a following noun as the target,
/// accusations are allegations and threats threatened; weight 0.6, no context needed.</item>
/// <item>Actors: a name whose code carries a role (<c>IRQGOV</c>, <c>PSEREB</c>) becomes a named group with that role
/// (the role Marsad's extractor reads; the CAMEO country stays in a comment), a role alone (<c>[MIL]</c>) a role noun,
/// an international organisation (<c>[IGO]</c>) a group; names coded with a country only (places) are left to the
/// gazetteer. Of dated codes, the last listed wins.</item>
/// <item>Agents: the Arabic words of each line become role nouns of its code.</item>
/// </list>
/// </summary>
public sealed class PetrarchDictionary
{
    /// <summary>CAMEO role codes (the agent slot of an actor code); any other three letters are a country or an international body.</summary>
    private static readonly HashSet<string> Roles = new(StringComparer.Ordinal)
    {
        "MIL", "COP", "REB", "UAF", "GOV", "CVL", "OPP", "ELI", "SPY", "JUD", "LEG", "MED", "BUS", "EDU", "REF", "LAB",
        "HLH", "CRM", "INS", "SEP", "RAD", "MOD", "AGR", "ENV", "DEV", "HRI", "REL", "PTY", "IMG", "AMN", "SET",
    };

    /// <summary>Codes that stand where a country stands but name no place.</summary>
    private static readonly HashSet<string> International = new(StringComparer.Ordinal) { "IGO", "NGO", "NGM", "MNC" };

    /// <summary>Most forms one pattern may expand to; larger expansions (long synonym sets in several slots) are skipped.</summary>
    private const int MaxFormsPerPattern = 200;

    private readonly Dictionary<string, List<string>> _triggers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _agents = new(StringComparer.Ordinal);
    private readonly List<(string Code, List<string> Names)> _groups = [];
    private readonly List<string> _sources = [];
    private int _skipped;

    /// <summary>Guesses the kind of a dictionary from its lines.</summary>
    public static PetrarchDictionaryKind Detect(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        int verbs = 0, agents = 0, actors = 0;
        foreach (var raw in lines.Take(5000))
        {
            var line = raw.Trim();
            if (line.StartsWith("---", StringComparison.Ordinal) && line.EndsWith("---", StringComparison.Ordinal) && line.Length > 6) verbs++;
            else if (line.Contains("[~", StringComparison.Ordinal) || line.Contains("~]", StringComparison.Ordinal)) agents++;
            else if (line.Contains('[', StringComparison.Ordinal)) actors++;
        }
        return verbs > 0 ? PetrarchDictionaryKind.Verbs : agents > actors ? PetrarchDictionaryKind.Agents : PetrarchDictionaryKind.Actors;
    }

    /// <summary>Reads one dictionary; <paramref name="source"/> names it in the output's comments.</summary>
    public PetrarchImportCounts Add(IReadOnlyList<string> lines, string source, PetrarchDictionaryKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var before = Counts();
        var read = kind ?? Detect(lines);
        switch (read)
        {
            case PetrarchDictionaryKind.Verbs: ReadVerbs(lines); break;
            case PetrarchDictionaryKind.Actors: ReadActors(lines); break;
            default: ReadAgents(lines); break;
        }
        var after = Counts();
        var counts = new PetrarchImportCounts(after.Triggers - before.Triggers, after.TriggerForms - before.TriggerForms,
            after.Groups - before.Groups, after.Agents - before.Agents, after.Skipped - before.Skipped);
        _sources.Add($"{Path.GetFileName(source)} ({read.ToString().ToLowerInvariant()}): {counts.TriggerForms} trigger forms, {counts.Groups} named actors, {counts.Agents} role nouns, {counts.Skipped} entries skipped");
        return counts;
    }

    /// <summary>Everything read so far.</summary>
    public PetrarchImportCounts Counts() => new(
        _triggers.Count, _triggers.Values.Sum(f => f.Count), _groups.Count, _agents.Values.Sum(f => f.Count), _skipped);

    /// <summary>The lexicon lines (with a header naming the sources), ready for <c>events-lexicon.tsv</c>.</summary>
    public IEnumerable<string> Lines()
    {
        yield return "# Imported by `marsad events import-dictionary` from PETRARCH-format dictionaries; rewritten by every import.";
        foreach (var source in _sources) yield return "# " + source;
        foreach (var (code, forms) in _triggers.OrderBy(t => t.Key, StringComparer.Ordinal))
            yield return string.Join('\t', "trigger", "cameo_" + code, code, AcledKey(code), TargetGenitive(code) ? "target" : "actor", "-", "0.6", Modality(code), string.Join('|', forms));
        foreach (var (code, forms) in _agents.OrderBy(a => a.Key, StringComparer.Ordinal))
            yield return string.Join('\t', "agent", code, string.Join('|', forms));
        foreach (var (code, names) in _groups) yield return string.Join('\t', "group", code, string.Join('|', names));
    }

    /// <summary>The ACLED key (EventCoding) a CAMEO code plainly names, or "-".</summary>
    public static string AcledKey(string cameo)
    {
        ArgumentNullException.ThrowIfNull(cameo);
        return cameo switch
        {
            "145" or "1451" or "1452" or "1453" or "1454" => "riot",
            _ when cameo.StartsWith("14", StringComparison.Ordinal) => "protest",
            "173" => "arrests",
            "181" => "abduction",
            "1831" => "suicide",
            "183" or "1832" or "1833" => "ied",
            "180" or "182" or "1821" or "1822" or "1823" or "186" => "attack",
            _ when cameo.StartsWith("20", StringComparison.Ordinal) => "attack",
            "191" => "other",
            "192" => "territory",
            "194" => "shelling",
            "195" or "1951" or "1952" => "air",
            "190" or "193" or "196" => "armed_clash",
            "057" or "0871" => "agreement",
            _ => "-",
        };
    }

    private static bool TargetGenitive(string cameo) =>
        cameo.StartsWith("17", StringComparison.Ordinal) || cameo.StartsWith("18", StringComparison.Ordinal) ||
        cameo.StartsWith("19", StringComparison.Ordinal) || cameo.StartsWith("20", StringComparison.Ordinal);

    private static string Modality(string cameo) =>
        cameo.StartsWith("11", StringComparison.Ordinal) ? "alleged" : cameo.StartsWith("13", StringComparison.Ordinal) ? "threatened" : "occurred";

    private void ReadVerbs(IReadOnlyList<string> lines)
    {
        var synsets = ReadSynsets(lines);
        string? blockCode = null;
        var inBlock = false;
        var verbForms = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = StripComment(lines[i]).Trim();
            if (line.Length == 0 || line.StartsWith('&') || line.StartsWith('+')) continue;
            if (line.StartsWith("---", StringComparison.Ordinal) && line.EndsWith("---", StringComparison.Ordinal) && line.Length > 6)
            {
                var inner = line[3..^3].Trim();
                var (verb, code, _) = SplitCode(inner);
                blockCode = code;
                inBlock = true;
                verbForms.Clear();
                if (Form(verb) is { } v)
                {
                    verbForms.Add(v);
                    if (blockCode is not null) AddTrigger(blockCode, "+" + v);
                }
                continue;
            }
            if (line.StartsWith('-'))
            {
                // A pattern coded [---] says "not an event"; one without a code takes its block's.
                var (pattern, own, coded) = SplitCode(line[1..]);
                var code = coded ? own : blockCode;
                if (code is null || verbForms.Count == 0)
                {
                    _skipped++;
                    continue;
                }
                var expanded = Expand(pattern, verbForms, synsets);
                if (expanded is null)
                {
                    _skipped++;
                    continue;
                }
                foreach (var form in expanded) AddTrigger(code, form);
                continue;
            }
            if (!inBlock) continue;
            var (text, formOwn, formCoded) = SplitCode(line);
            if (Form(text) is not { } f) continue;
            if (!verbForms.Contains(f, StringComparer.Ordinal)) verbForms.Add(f);
            if ((formCoded ? formOwn : blockCode) is { } formCode) AddTrigger(formCode, "+" + f);
        }
    }

    /// <summary><c>&amp;NAME</c> followed by <c>+member</c> lines, anywhere in the file.</summary>
    private static Dictionary<string, List<string>> ReadSynsets(IReadOnlyList<string> lines)
    {
        var synsets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var raw in lines)
        {
            var line = StripComment(raw).Trim();
            if (line.StartsWith('&') && line.Length > 1 && !line.Contains(' ', StringComparison.Ordinal))
            {
                current = synsets.TryGetValue(line, out var existing) ? existing : synsets[line] = [];
                continue;
            }
            if (current is not null && line.StartsWith('+'))
            {
                if (Form(line[1..]) is { } member && !current.Contains(member, StringComparer.Ordinal)) current.Add(member);
                continue;
            }
            if (line.Length > 0) current = null;
        }
        return synsets;
    }

    /// <summary>The pattern's words around each verb form, synonym sets expanded; null when the expansion is too large or empty.</summary>
    private static List<string>? Expand(string pattern, List<string> verbForms, Dictionary<string, List<string>> synsets)
    {
        var slots = new List<List<string>>();
        var sawVerb = false;
        foreach (var raw in pattern.Replace("*", " * ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw == "*")
            {
                sawVerb = true;
                slots.Add(verbForms);
                continue;
            }
            var token = raw.Trim('(', ')', '{', '}', '$', '+', '%', '^', '-', '=', '<', '>', '|');
            if (token.Length == 0) continue;
            if (token.StartsWith('&'))
            {
                if (!synsets.TryGetValue(token, out var members) || members.Count == 0) return null;
                slots.Add(members);
                continue;
            }
            if (Form(token) is { } word) slots.Add([word]);
        }
        if (!sawVerb) slots.Insert(0, verbForms);
        if (slots.Count < 2) return null;
        long total = 1;
        foreach (var slot in slots) total *= slot.Count;
        if (total > MaxFormsPerPattern) return null;
        var forms = new List<string> { "" };
        foreach (var slot in slots)
            forms = [.. forms.SelectMany(prefix => slot.Select(word => prefix.Length == 0 ? word : prefix + " " + word))];
        // A pattern starting at the verb keeps the verb mark: its subject may stand after it (هاجم مسلحون …).
        var verbFirst = pattern.TrimStart().StartsWith('*');
        return [.. forms.Select(f => verbFirst ? "+" + f : f)];
    }

    private void ReadActors(IReadOnlyList<string> lines)
    {
        List<string>? names = null;
        string? code = null;
        void Flush()
        {
            if (names is { Count: > 0 }) AddActor(names, code);
            names = null;
            code = null;
        }
        foreach (var raw in lines)
        {
            var line = StripComment(raw);
            if (line.Trim().Length == 0) continue;
            var trimmed = line.Trim();
            if (trimmed.StartsWith('['))
            {
                // A dated code line under the current name: the last one listed wins.
                if (names is not null && Code(trimmed) is { } dated) code = dated;
                continue;
            }
            if (trimmed.StartsWith('+'))
            {
                if (names is not null && Form(SplitCode(trimmed[1..]).Text) is { } alias && !names.Contains(alias, StringComparer.Ordinal)) names.Add(alias);
                continue;
            }
            Flush();
            var (text, inline, _) = SplitCode(trimmed);
            if (Form(text) is not { } name)
            {
                _skipped++;
                continue;
            }
            names = [name];
            code = inline;
        }
        Flush();
    }

    private void AddActor(List<string> names, string? code)
    {
        if (code is null)
        {
            _skipped++;
            return;
        }
        var chunks = Enumerable.Range(0, code.Length / 3).Select(i => code.Substring(i * 3, 3)).ToList();
        if (chunks.Count == 0)
        {
            _skipped++;
            return;
        }
        if (Roles.Contains(chunks[0]))
        {
            // A role alone (جيش [MIL], قوة أمن [COP]): a role noun, like the built-in ones.
            foreach (var name in names) AddAgent(chunks[0], name);
            return;
        }
        var role = chunks.Skip(1).FirstOrDefault(Roles.Contains);
        if (role is null && !International.Contains(chunks[0]))
        {
            // A country or a place: the gazetteer's business.
            _skipped++;
            return;
        }
        _groups.Add((role ?? chunks[0], names));
    }

    private void ReadAgents(IReadOnlyList<string> lines)
    {
        foreach (var raw in lines)
        {
            var line = StripComment(raw);
            var open = line.IndexOf('[', StringComparison.Ordinal);
            var close = open < 0 ? -1 : line.IndexOf(']', open);
            if (close < 0) continue;
            var code = line[(open + 1)..close].Replace("~", "", StringComparison.Ordinal).Trim();
            var words = line[(close + 1)..];
            if (code.Length < 3 || Form(words) is not { } form)
            {
                _skipped++;
                continue;
            }
            AddAgent(code.Length >= 6 && Roles.Contains(code[3..6]) ? code[3..6] : code[..3], form);
        }
    }

    private void AddTrigger(string code, string form)
    {
        if (!_triggers.TryGetValue(code, out var forms)) _triggers[code] = forms = [];
        if (!forms.Contains(form, StringComparer.Ordinal)) forms.Add(form);
    }

    private void AddAgent(string code, string form)
    {
        if (!_agents.TryGetValue(code, out var forms)) _agents[code] = forms = [];
        if (!forms.Contains(form, StringComparer.Ordinal)) forms.Add(form);
    }

    /// <summary>Text and the code in its last [..] (null for [---] or none; <c>Coded</c> says whether there was a bracket).</summary>
    private static (string Text, string? Code, bool Coded) SplitCode(string line)
    {
        var open = line.LastIndexOf('[');
        if (open < 0) return (line.Trim(), null, false);
        var close = line.IndexOf(']', open);
        var code = Code(close < 0 ? line[open..] : line[open..(close + 1)]);
        return (line[..open].Trim(), code, true);
    }

    /// <summary>The code of a <c>[CODE]</c>, <c>[CODE dates]</c> or <c>[CODE?]</c> group: letters and digits before any space; null for <c>---</c>.</summary>
    private static string? Code(string bracket)
    {
        var inner = bracket.Trim('[', ']', ' ', '\t');
        var end = inner.IndexOfAny([' ', '\t', '>', '<']);
        var code = (end < 0 ? inner : inner[..end]).Trim('~', '?', ':');
        if (code.Length == 0 || code.All(c => c == '-')) return null;
        return code.All(char.IsAsciiLetterOrDigit) ? code.ToUpperInvariant() : null;
    }

    /// <summary>A dictionary phrase as a lexicon form: _ and + join words, spaces collapse; null unless it holds Arabic letters.</summary>
    private static string? Form(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is '_' or '+' or ' ' or '\t' or '|')
            {
                space = builder.Length > 0;
                continue;
            }
            if (char.IsControl(c)) continue;
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        var form = builder.ToString();
        return form.Any(c => c is >= '\u0621' and <= '\u064A') ? form : null;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }

    /// <summary>Reads a dictionary file as UTF-8.</summary>
    public static IReadOnlyList<string> ReadLines(string path) => File.ReadAllLines(path, Encoding.UTF8);

    /// <summary>A summary line for one file, for the command's report.</summary>
    public static string Describe(string path, PetrarchImportCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return string.Create(CultureInfo.InvariantCulture,
            $"{path}: {counts.TriggerForms:N0} trigger forms in {counts.Triggers:N0} CAMEO codes, {counts.Groups:N0} named actors, {counts.Agents:N0} role nouns, {counts.Skipped:N0} entries skipped");
    }
}
