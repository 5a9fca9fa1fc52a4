using System.Collections.Frozen;

namespace Marsad.Text;

/// <summary>
/// Arabic function words for news search, written for this project in <see cref="NormalizationOptions.Default"/>
/// form (so على appears as علي, إلى as الي). Bare forms only: clitic-carrying variants (وفي، منها) are recognised
/// through their base by the analyzer chain instead of being enumerated here.
/// </summary>
public static class StopWords
{
    private static readonly string[] Words =
    [
        // Prepositions and prepositional adverbs.
        "في", "من", "الي", "علي", "عن", "مع", "حتي", "منذ", "مذ", "عند", "لدي", "بين", "نحو", "خلال", "حول", "دون",
        "فوق", "تحت", "امام", "خلف", "وراء", "قبل", "بعد", "اثناء", "عبر", "ضد", "لدن", "ازاء", "حيال", "عدا", "سوي", "غير",
        "مثل", "لاجل", "بسبب", "رغم", "ضمن", "جراء", "لصالح", "بحسب", "حسب", "وفق", "وفقا", "تجاه", "قرب", "عقب",
        // Conjunctions and particles.
        "او", "ام", "ثم", "بل", "لكن", "لكنه", "لكنها", "اما", "اذا", "اذ", "ان", "انه", "انها", "انهم", "لان", "كي", "لكي",
        "حيث", "حين", "حينما", "عندما", "لما", "كلما", "بينما", "لو", "لولا", "لا", "لم", "لن", "ما", "ليس", "ليست", "قد",
        "لقد", "سوف", "هل", "كما", "كذلك", "ايضا", "فقط", "الا", "انما", "ربما", "اي", "اية", "نعم", "كلا", "بان", "فان",
        "ولا", "وما", "ومن", "وفي", "وقد", "وان", "ولم", "ثمة", "هناك", "هنا", "هنالك", "الان", "حاليا", "جدا", "تماما",
        // Pronouns.
        "هو", "هي", "هم", "هما", "هن", "انا", "نحن", "انت", "انتم", "انتما", "انتن", "اياه", "اياها", "اياهم", "نفس", "نفسه", "نفسها",
        // Demonstratives and relatives.
        "هذا", "هذه", "هذان", "هاتان", "هؤلاء", "ذلك", "تلك", "اولئك", "ذاك", "الذي", "التي", "الذين", "اللذان", "اللتان",
        "اللذين", "اللتين", "اللاتي", "اللواتي", "اللائي", "مما", "ممن", "عما", "فيما", "بما", "فيه", "فيها", "فيهم",
        "منه", "منها", "منهم", "عنه", "عنها", "عليه", "عليها", "عليهم", "اليه", "اليها", "له", "لها", "لهم", "به", "بها", "بهم",
        // Quantifiers.
        "كل", "كلها", "بعض", "جميع", "عدة", "معظم", "اكثر", "اقل", "كافة", "احد", "احدي", "ذات", "ذو", "ذي", "سواء",
        // Auxiliaries and reporting verbs that carry no topic.
        "كان", "كانت", "كانوا", "يكون", "تكون", "يكونوا", "اصبح", "اصبحت", "اضحي", "ظل", "ظلت", "مازال", "لايزال", "لازال",
        "صار", "بات", "باتت", "عاد", "تم", "يتم", "تمت", "قال", "قالت", "يقول", "تقول", "اكد", "اكدت", "اضاف", "اضافت",
        "اشار", "اشارت", "اوضح", "اوضحت", "وقال", "وقالت", "واضاف", "واضافت",
    ];

    private static readonly FrozenSet<string> Set = Words.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Set.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly int MaxLength = Words.Max(w => w.Length);

    /// <summary>The list, for coverage measurements and display.</summary>
    public static IReadOnlySet<string> All => Set;

    /// <summary>Whether a normalised word is a stop word. Allocation-free; rejects long words before hashing.</summary>
    public static bool Contains(ReadOnlySpan<char> normalizedWord) =>
        normalizedWord.Length is > 1 && normalizedWord.Length <= MaxLength && Lookup.Contains(normalizedWord);
}
