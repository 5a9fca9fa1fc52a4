using Marsad.Text;

namespace Marsad.Analysis.Topics;

/// <summary>
/// A small hand-written gazetteer for the middleEast / internationalNews distinction, which in this corpus is
/// geographic: the region (Arab states, their capitals and hot spots, plus Iran, Turkey and Israel, which the
/// outlets file under the Middle East desk) versus the rest of the world. Mentions are counted on stems, so
/// attached clitics and demonym endings still match.
/// </summary>
internal static class GeoLexicon
{
    private const string Region =
        "مصر المصري المصرية المصريين القاهرة الإسكندرية سيناء " +
        "السعودية السعودي السعوديين الرياض جدة مكة " +
        "الإمارات الإماراتي الإماراتية أبوظبي دبي الشارقة " +
        "قطر القطري القطرية الدوحة الكويت الكويتي الكويتية البحرين البحريني المنامة " +
        "عمان العماني العمانية مسقط اليمن اليمني اليمنية اليمنيين صنعاء عدن الحديدة تعز مأرب الحوثي الحوثيين الحوثيون " +
        "العراق العراقي العراقية العراقيين بغداد الموصل البصرة أربيل كركوك الأنبار الفلوجة " +
        "سوريا السوري السورية السوريين دمشق حلب إدلب حمص حماة درعا الرقة الغوطة عفرين منبج الزور اللاذقية " +
        "لبنان اللبناني اللبنانية بيروت طرابلس صيدا " +
        "الأردن الأردني الأردنية " +
        "فلسطين الفلسطيني الفلسطينية الفلسطينيين غزة القدس الضفة نابلس الخليل حماس " +
        "إسرائيل الإسرائيلي الإسرائيلية الإسرائيليين أبيب نتنياهو " +
        "إيران الإيراني الإيرانية طهران روحاني خامنئي " +
        "تركيا التركي التركية أنقرة إسطنبول أردوغان " +
        "ليبيا الليبي الليبية بنغازي مصراتة سرت حفتر " +
        "تونس التونسي التونسية الجزائر الجزائري الجزائرية المغرب المغربي المغربية الرباط " +
        "السودان السوداني السودانية الخرطوم موريتانيا الموريتاني نواكشوط الصومال الصومالي مقديشو جيبوتي " +
        "الخليج الخليجي الخليجية";

    private const string World =
        "أمريكا أميركا الأمريكي الأمريكية الأميركي الأميركية الأمريكيين واشنطن ترامب نيويورك كاليفورنيا " +
        "روسيا الروسي الروسية موسكو بوتين الكرملين الصين الصيني الصينية بكين اليابان الياباني طوكيو " +
        "كوريا الكوري الكورية بيونغ يانغ سول الهند الهندي الهندية نيودلهي باكستان الباكستاني آباد " +
        "أفغانستان الأفغاني كابول بريطانيا البريطاني البريطانية لندن فرنسا الفرنسي الفرنسية باريس ماكرون " +
        "ألمانيا الألماني الألمانية برلين ميركل إيطاليا الإيطالي روما إسبانيا الإسباني مدريد كتالونيا " +
        "أوروبا الأوروبي الأوروبية بروكسل كندا الكندي أوتاوا المكسيك المكسيكي البرازيل البرازيلي فنزويلا " +
        "الأرجنتين كولومبيا أستراليا الأسترالي أوكرانيا الأوكراني كييف بولندا السويد النرويج هولندا بلجيكا " +
        "سويسرا النمسا اليونان المجر التشيك إندونيسيا ماليزيا الفلبين ميانمار الروهينغا بنغلاديش سريلانكا " +
        "نيجيريا كينيا إثيوبيا أوغندا الكونغو زيمبابوي أفريقيا الأفريقي آسيا الآسيوي أمريكا اللاتينية";

    private static readonly Lazy<(HashSet<uint> Region, HashSet<uint> World)> Sets = new(Build);

    public static HashSet<uint> RegionStems => Sets.Value.Region;
    public static HashSet<uint> WorldStems => Sets.Value.World;

    private static (HashSet<uint>, HashSet<uint>) Build()
    {
        var region = StemHashes(Region);
        var world = StemHashes(World);
        // A stem in both lists (e.g. a shared demonym stem) carries no geographic signal.
        var shared = new HashSet<uint>(region);
        shared.IntersectWith(world);
        region.ExceptWith(shared);
        world.ExceptWith(shared);
        return (region, world);
    }

    private static HashSet<uint> StemHashes(string words)
    {
        var normalized = ArabicNormalizer.Normalize(words);
        var set = new HashSet<uint>();
        foreach (var token in Tokenizer.Enumerate(normalized))
        {
            if (token.Kind != TokenKind.ArabicWord) continue;
            var stem = TopicFeaturizer.StemOf(token.Slice(normalized), token.Kind);
            set.Add(TopicFeaturizer.Hash(stem, TopicFeaturizer.GeoProbeSeed));
        }
        return set;
    }
}
