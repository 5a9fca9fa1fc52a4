using Marsad.Analysis;
using Marsad.Analysis.Events;
using Marsad.Tests.Store;

namespace Marsad.Tests.Events;

/// <summary>
/// <c>marsad events import-dictionary</c>'s converter on small PETRARCH-format dictionaries the tests write, and the
/// imported lexicon reaching the analysis pipeline through the data folder.
/// </summary>
public sealed class PetrarchImportTests
{
    /// <summary>A verb dictionary in PETRARCH's layout: a synonym set, coded and uncoded blocks, forms and patterns.</summary>
    private static readonly string[] Verbs =
    [
        "# LAST UPDATED: by the tests",
        "####### SYNONYM SETS #######",
        "&CROSSING",
        "+معبر_حدودي_",
        "+منفذ_بري_",
        "",
        "####### VERB PATTERNS #######",
        "--- أغلق [191] ---",
        "أغلق                 # close",
        "أوصد                 [1711]   # shut",
        "سد                   [---]    # block",
        "- * &CROSSING [191] # أغلق",
        "- $ * (أمام +) [---] # not an event",
        "- * باب [] # no code at all",
        "",
        "--- نظم [---] ---",
        "نظم                  # organise",
        "- * مظاهرة [141] # نظم",
        "- * (ل {وقفة احتجاجية}) [141]",
        "- * شغب [145]",
    ];

    private static readonly string[] Actors =
    [
        "جيش  [MIL]",
        "خليفة_حفتر_",
        "\t[LBYMIL 20140516-20150301]",
        "\t[LBYELI >20150302]",
        "+المشير_حفتر_",
        "مجلس_شورى_ثوار_بنغازي_  [LBYREB]",
        "أمم_متحدة_  [IGO]",
        "درنة  [LBY]",
        "s",
    ];

    private static readonly string[] Agents =
    [
        "# SEP IS DEPRECIATED",
        "ARMED_SEPARATIST [~REB]انفصاليين مسلحين",
        "PEACEKEEPING_TROOPS {} [IGO~]قوات حفظ السلام",
        "ETHNIC_SEPARATISTS [~REB] # ?انفصاليين عرقيين",
    ];

    [Fact]
    public void Detects_the_kind_of_each_dictionary()
    {
        Assert.Equal(PetrarchDictionaryKind.Verbs, PetrarchDictionary.Detect(Verbs));
        Assert.Equal(PetrarchDictionaryKind.Actors, PetrarchDictionary.Detect(Actors));
        Assert.Equal(PetrarchDictionaryKind.Agents, PetrarchDictionary.Detect(Agents));
    }

    [Fact]
    public void Verb_blocks_forms_and_patterns_become_coded_triggers()
    {
        var dictionary = new PetrarchDictionary();
        var counts = dictionary.Add(Verbs, "verbs.txt");
        var lines = dictionary.Lines().ToList();
        var triggers = lines.Where(l => l.StartsWith("trigger\t", StringComparison.Ordinal)).Select(l => l.Split('\t')).ToDictionary(f => f[2]);

        Assert.Equal(["141", "145", "1711", "191"], triggers.Keys.Order(StringComparer.Ordinal));
        var blockade = triggers["191"];
        Assert.Equal(["trigger", "cameo_191", "191", "other", "target", "-", "0.6", "occurred"], blockade[..8]);
        // A pattern applies to every verb of its block (PETRARCH's synonyms), each synonym-set member in turn.
        Assert.Equal(["+أغلق", "+أغلق معبر حدودي", "+أغلق منفذ بري", "+أوصد معبر حدودي", "+أوصد منفذ بري", "+سد معبر حدودي", "+سد منفذ بري"],
            blockade[8].Split('|'));
        Assert.Equal(["+أوصد"], triggers["1711"][8].Split('|'));
        Assert.Equal("target", triggers["1711"][4]);
        // The uncoded block contributes only through its coded patterns; brackets and slots drop out.
        Assert.Equal(["+نظم مظاهرة", "+نظم ل وقفة احتجاجية"], triggers["141"][8].Split('|'));
        Assert.Equal(("protest", "actor"), (triggers["141"][3], triggers["141"][4]));
        Assert.Equal("riot", triggers["145"][3]);
        Assert.DoesNotContain(triggers.Values, f => f[8].Split('|').Contains("+سد"));
        Assert.DoesNotContain(lines, l => l.Contains("أمام", StringComparison.Ordinal) || l.Contains("باب", StringComparison.Ordinal));
        Assert.Equal(11, counts.TriggerForms);
        Assert.Equal(2, counts.Skipped);
        Assert.StartsWith("#", lines[0], StringComparison.Ordinal);

        var lexicon = EventLexicon.Parse(lines, "imported");
        Assert.Equal(11, lexicon.TriggerCount);
    }

    [Fact]
    public void Actors_become_named_groups_or_role_nouns_and_places_are_left_to_the_gazetteer()
    {
        var dictionary = new PetrarchDictionary();
        var actors = dictionary.Add(Actors, "actors.txt");
        var agents = dictionary.Add(Agents, "agents.txt");
        var lines = dictionary.Lines().ToList();

        Assert.Contains("group\tELI\tخليفة حفتر|المشير حفتر", lines);
        Assert.Contains("group\tREB\tمجلس شورى ثوار بنغازي", lines);
        Assert.Contains("group\tIGO\tأمم متحدة", lines);
        Assert.Contains("agent\tMIL\tجيش", lines);
        Assert.Contains("agent\tREB\tانفصاليين مسلحين", lines);
        Assert.Contains("agent\tIGO\tقوات حفظ السلام", lines);
        Assert.DoesNotContain(lines, l => l.Contains("درنة", StringComparison.Ordinal) || l.Contains("عرقيين", StringComparison.Ordinal));
        Assert.Equal((3, 1, 2), (actors.Groups, actors.Agents, actors.Skipped));
        Assert.Equal((2, 1), (agents.Agents, agents.Skipped));
        EventLexicon.Parse(lines, "imported");
    }

    [Fact]
    public void Cameo_codes_map_to_ACLED_keys_only_where_the_code_says_so_plainly()
    {
        Assert.Equal("shelling", PetrarchDictionary.AcledKey("194"));
        Assert.Equal("air", PetrarchDictionary.AcledKey("195"));
        Assert.Equal("suicide", PetrarchDictionary.AcledKey("1831"));
        Assert.Equal("arrests", PetrarchDictionary.AcledKey("173"));
        Assert.Equal("protest", PetrarchDictionary.AcledKey("1411"));
        Assert.Equal("attack", PetrarchDictionary.AcledKey("202"));
        Assert.Equal("-", PetrarchDictionary.AcledKey("042"));
        Assert.Equal("-", PetrarchDictionary.AcledKey("112"));
        foreach (var code in new[] { "145", "173", "181", "183", "186", "190", "191", "192", "193", "194", "195", "196", "057", "0871", "141", "20" })
            Assert.True(EventCoding.IsAcledKey(PetrarchDictionary.AcledKey(code)), code);
    }

    [Fact]
    public void An_imported_lexicon_in_the_data_folder_reaches_the_pipeline()
    {
        using var folder = new TempDirectory("marsad-lexicon");
        var article = new Article("00000000000000a1", "إغلاق معبر حدودي", new DateOnly(2024, 5, 2),
            "وأغلق الجيش المعبر الحدودي مع ليبيا صباح اليوم بعد اشتباكات قرب المدينة.", null, null, null, null, "test.txt");

        Assert.Same(DefaultPipeline.Events(folder.Path), EventExtractor.Default);
        Assert.DoesNotContain(DefaultPipeline.Create(folder.Path).Run(article).Events, e => e.Type == "cameo_191");

        var dictionary = new PetrarchDictionary();
        dictionary.Add(Verbs, "verbs.txt");
        File.WriteAllLines(Path.Combine(folder.Path, EventLexicon.ImportedFileName), dictionary.Lines());

        Assert.NotSame(DefaultPipeline.Events(folder.Path), EventExtractor.Default);
        var events = DefaultPipeline.Create(folder.Path).Run(article).Events;
        var closure = Assert.Single(events, e => e.Type == "cameo_191");
        Assert.Equal(("191", "COERCE", "Strategic developments"), (closure.Cameo, closure.Plover, closure.AcledEventType));
        Assert.Equal("وأغلق", closure.TriggerText);
        // The built-in lexicon still applies alongside.
        Assert.Contains(events, e => e.Type == "armed_clash");
    }
}
