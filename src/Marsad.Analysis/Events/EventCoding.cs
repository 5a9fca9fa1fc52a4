namespace Marsad.Analysis.Events;

/// <summary>
/// The ontologies events are coded in. Marsad's lexicon gives each trigger a CAMEO code and an ACLED key; the PLOVER
/// category follows from the CAMEO code (PLOVER was designed as CAMEO's successor and regroups its roots), and the key
/// names an ACLED event type / sub-event type pair. Events ACLED does not record (visits, talks, statements) have none.
/// </summary>
public static class EventCoding
{
    /// <summary>PLOVER category by CAMEO prefix; the longest matching prefix wins.</summary>
    private static readonly (string Prefix, string Plover)[] PloverByCameo =
    [
        ("02", "REQUEST"), ("03", "AGREE"), ("04", "CONSULT"), ("05", "COOPERATE"), ("051", "SUPPORT"),
        ("057", "AGREE"), ("06", "COOPERATE"), ("07", "AID"), ("08", "CONCEDE"), ("0874", "RETREAT"),
        ("10", "REQUEST"), ("11", "ACCUSE"), ("12", "REJECT"), ("13", "THREATEN"), ("14", "PROTEST"),
        ("15", "MOBILIZE"), ("16", "SANCTION"), ("17", "COERCE"), ("18", "ASSAULT"), ("19", "ASSAULT"),
        // A blockade restricts movement rather than strikes: PLOVER puts it with coercion.
        ("191", "COERCE"), ("20", "ASSAULT"),
    ];

    private static readonly Dictionary<string, (string Type, string SubType)> Acled = new(StringComparer.Ordinal)
    {
        ["armed_clash"] = ("Battles", "Armed clash"),
        ["territory"] = ("Battles", "Non-state actor overtakes territory"),
        ["territory_government"] = ("Battles", "Government regains territory"),
        ["air"] = ("Explosions/Remote violence", "Air/drone strike"),
        ["shelling"] = ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ["ied"] = ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ["suicide"] = ("Explosions/Remote violence", "Suicide bomb"),
        ["attack"] = ("Violence against civilians", "Attack"),
        ["abduction"] = ("Violence against civilians", "Abduction/forced disappearance"),
        ["protest"] = ("Protests", "Peaceful protest"),
        ["protest_intervention"] = ("Protests", "Protest with intervention"),
        ["riot"] = ("Riots", "Violent demonstration"),
        ["agreement"] = ("Strategic developments", "Agreement"),
        ["arrests"] = ("Strategic developments", "Arrests"),
        ["looting"] = ("Strategic developments", "Looting/property destruction"),
        ["other"] = ("Strategic developments", "Other"),
    };

    /// <summary>The PLOVER category of a CAMEO code, or null for codes PLOVER leaves out (public statements, investigations).</summary>
    public static string? Plover(string cameo)
    {
        string? best = null;
        var bestLength = 0;
        foreach (var (prefix, plover) in PloverByCameo)
        {
            if (prefix.Length > bestLength && cameo.StartsWith(prefix, StringComparison.Ordinal))
            {
                best = plover;
                bestLength = prefix.Length;
            }
        }
        return best;
    }

    /// <summary>Whether <paramref name="key"/> names an ACLED pair (or is "-", no ACLED coding).</summary>
    public static bool IsAcledKey(string key) => key == "-" || Acled.ContainsKey(key);

    /// <summary>The ACLED event type and sub-event type for a lexicon key; nulls for "-".</summary>
    public static (string? Type, string? SubType) AcledPair(string key) =>
        Acled.TryGetValue(key, out var pair) ? pair : (null, null);
}
