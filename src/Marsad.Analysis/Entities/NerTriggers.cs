namespace Marsad.Analysis.Entities;

/// <summary>
/// Hand-written cue words that announce an entity of a given type next to them. Matched on the article-less
/// normalised form so that الرئيس, والرئيس and للرئيس all fire.
/// </summary>
internal static class NerTriggers
{
    public const byte None = 0;
    public const byte PersonTitle = 1;
    public const byte LocationCue = 2;
    public const byte OrganisationCue = 3;
    public const byte NameParticle = 4;
    public const byte Month = 5;
    public const byte ReportVerb = 6;
    public const byte GivenName = 7;

    private const int KeyTemplate = 250;

    private static readonly Dictionary<uint, byte> Table = BuildTable();

    public static byte Lookup(ReadOnlySpan<char> bareForm, ReadOnlySpan<char> fullForm)
    {
        if (Table.TryGetValue(FeatureHash.Of(KeyTemplate, bareForm), out var c)) return c;
        return Table.TryGetValue(FeatureHash.Of(KeyTemplate, fullForm), out c) ? c : None;
    }

    private static Dictionary<uint, byte> BuildTable()
    {
        var table = new Dictionary<uint, byte>();
        Add(table, PersonTitle, """
            رئيس رئيسة ملك ملكة أمير أميرة شيخ سيد سيدة وزير وزيرة دكتور عاهل زعيم مستشار نائب جنرال لواء عقيد
            فريق عميد رائد متحدث ناطق كاتب ممثل ممثلة مطرب مطربة لاعب مدرب بابا إمام قائد مساعد سفير مبعوث حاكم
            مرشح مغني فنان فنانة شاعر روائي مخرج مدير مديرة أستاذ قاضي محامي مفتي رئيسا وزيرا مندوب منسق سكرتير
            المستشارة الأستاذ الحاج سمو جلالة فخامة معالي السلطان سلطان الخليفة خليفة البطريرك الكاردينال النجم
            المهاجم الحارس الصحفي الصحافي المراسل الباحث الخبير المحلل
            """);
        Add(table, LocationCue, """
            مدينة محافظة ولاية منطقة عاصمة بلدة قرية جزيرة جزر إقليم مقاطعة شمال جنوب شرق غرب شمالي جنوبي شرقي
            غربي نهر بحر جبل جبال مطار ميناء شارع حي دولة جمهورية مملكة إمارة وسط ضواحي مخيم خليج قطاع ضفة صحراء
            """);
        Add(table, OrganisationCue, """
            شركة وكالة حزب جامعة منظمة مجلس وزارة هيئة جمعية مؤسسة اتحاد بنك مصرف نادي صحيفة جريدة مجلة قناة
            تلفزيون إذاعة حركة جبهة منتخب لجنة محكمة برلمان مكتب مركز معهد أكاديمية صندوق مجموعة رابطة نقابة
            مستشفى مدرسة كلية جيش قوات سلطة بورصة محطة تحالف ائتلاف مصنع فندق
            """);
        Add(table, NameParticle, "بن ابن بنت أبو أبي أبا أم عبد آل ابنة");
        Add(table, Month, """
            يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان
            أيار حزيران تموز آب أيلول تشرين
            """);
        Add(table, ReportVerb, "قال قالت أعلن أعلنت أكد أكدت أضاف أضافت صرح صرحت أوضح أوضحت ذكر ذكرت أشار أشارت");
        AddGivenNames(table);
        return table;
    }

    /// <summary>
    /// The team's list of first names (<c>Entities/Resources/given-names.tsv</c>). Added last, so a word that is
    /// also a cue (سلطان, خليفة) keeps its cue kind, and only as written: the conjunction split would turn
    /// وليد or فراس into unrelated stems.
    /// </summary>
    private static void AddGivenNames(Dictionary<uint, byte> table)
    {
        const string name = "Marsad.Analysis.Entities.given-names.tsv";
        using var stream = typeof(NerTriggers).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#')) continue;
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                table.TryAdd(FeatureHash.Of(KeyTemplate, ArabicForms.Normalize(word)), GivenName);
        }
    }

    private static void Add(Dictionary<uint, byte> table, byte kind, string words)
    {
        foreach (var word in words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var n = ArabicForms.Normalize(word);
            ArabicForms.SplitProclitics(n, out var bare, out _);
            // Both the whole word and its article-less form are keys: و-initial words (وزير, ولاية) are
            // ambiguous with the conjunction, so a lookup may see either shape.
            table.TryAdd(FeatureHash.Of(KeyTemplate, n), kind);
            table.TryAdd(FeatureHash.Of(KeyTemplate, n.AsSpan(bare)), kind);
        }
    }
}
