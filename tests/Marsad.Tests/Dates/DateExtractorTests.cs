using Marsad.Analysis.Dates;

namespace Marsad.Tests.Dates;

/// <summary>
/// Phrasings as Arabic papers print them, resolved against an article dated Tuesday 13/02/2018 (weeks run
/// Sunday to Saturday, so this week is 11–17 February and last week 4–10 February).
/// </summary>
public class DateExtractorTests
{
    private static readonly DateOnly Anchor = new(2018, 2, 13);

    [Theory]
    // Numeric dates, day first, any digit script.
    [InlineData("وقع الهجوم في 13/02/2018 قرب المدينة", "13/02/2018", "2018-02-13", "2018-02-13", DatePrecision.Day, false)]
    [InlineData("صدر القرار بتاريخ 2018-02-13 رسميا", "2018-02-13", "2018-02-13", "2018-02-13", DatePrecision.Day, false)]
    [InlineData("اجتمع الوفدان في ٥/٣/٢٠١٧ بالقاهرة", "٥/٣/٢٠١٧", "2017-03-05", "2017-03-05", DatePrecision.Day, false)]
    [InlineData("نشر التقرير في 1.9.2016 على موقع الوزارة", "1.9.2016", "2016-09-01", "2016-09-01", DatePrecision.Day, false)]
    // Day, month name and year in every naming system, with the doubled Levantine forms.
    [InlineData("وصل الوزير يوم 13 فبراير 2018 إلى الرباط", "يوم 13 فبراير 2018", "2018-02-13", "2018-02-13", DatePrecision.Day, false)]
    [InlineData("أعلن في 3 شباط/فبراير 2018 عن الاتفاق", "3 شباط/فبراير 2018", "2018-02-03", "2018-02-03", DatePrecision.Day, false)]
    [InlineData("وقعت الاتفاقية في 20 أفريل 2017 بالجزائر", "20 أفريل 2017", "2017-04-20", "2017-04-20", DatePrecision.Day, false)]
    [InlineData("أقيم المعرض في 7 تموز (يوليو) 2019 ببيروت", "7 تموز (يوليو) 2019", "2019-07-07", "2019-07-07", DatePrecision.Day, false)]
    [InlineData("جرت الانتخابات في 12 كانون الأول 2019 وسط إقبال ضعيف", "12 كانون الأول 2019", "2019-12-12", "2019-12-12", DatePrecision.Day, false)]
    [InlineData("انطلقت الاحتجاجات في 22 فيفري، سنة 2019 بالعاصمة", "22 فيفري، سنة 2019", "2019-02-22", "2019-02-22", DatePrecision.Day, false)]
    [InlineData("الخميس 15 مارس 2018 موعد الجلسة", "الخميس 15 مارس 2018", "2018-03-15", "2018-03-15", DatePrecision.Day, false)]
    // Month and year.
    [InlineData("طردوا من المدينة في نيسان أبريل 2016 بعد اشتباكات", "نيسان أبريل 2016", "2016-04-01", "2016-04-30", DatePrecision.Month, false)]
    [InlineData("انتخب في كانون الثاني 2015 رئيسا للبلدية", "كانون الثاني 2015", "2015-01-01", "2015-01-31", DatePrecision.Month, false)]
    [InlineData("تأسست الشركة في فيفري عام 2010 بتونس", "فيفري عام 2010", "2010-02-01", "2010-02-28", DatePrecision.Month, false)]
    [InlineData("تراجعت المبيعات في آب/أغسطس 2020 بشدة", "آب/أغسطس 2020", "2020-08-01", "2020-08-31", DatePrecision.Month, false)]
    [InlineData("افتتح المطار في شهر مايو 2012 رسميا", "شهر مايو 2012", "2012-05-01", "2012-05-31", DatePrecision.Month, false)]
    // Years with a word that makes the number a year.
    [InlineData("بدأت الحرب عام 2011 في البلاد", "عام 2011", "2011-01-01", "2011-12-31", DatePrecision.Year, false)]
    [InlineData("تراجعت الصادرات في 2014 بشكل حاد", "2014", "2014-01-01", "2014-12-31", DatePrecision.Year, false)]
    [InlineData("لم يتغير شيء منذ 2011 في القطاع", "2011", "2011-01-01", "2011-12-31", DatePrecision.Year, false)]
    [InlineData("يحكم الحزب منذ عام 2016 دون منافس", "عام 2016", "2016-01-01", "2016-12-31", DatePrecision.Year, false)]
    [InlineData("تضاعف الإنتاج خلال سنة 2015 مرتين", "سنة 2015", "2015-01-01", "2015-12-31", DatePrecision.Year, false)]
    [InlineData("استضافت المدينة البطولة في العام 2016 بنجاح", "العام 2016", "2016-01-01", "2016-12-31", DatePrecision.Year, false)]
    [InlineData("يكتمل المشروع بحلول 2030 حسب الخطة", "2030", "2030-01-01", "2030-12-31", DatePrecision.Year, false)]
    // Weekdays: on or before the anchor when bare, strictly before with الماضي, after with المقبل/القادم.
    [InlineData("التقى الرئيس يوم الخميس نظيره الفرنسي", "يوم الخميس", "2018-02-08", "2018-02-08", DatePrecision.Day, true)]
    [InlineData("وصل الوفد الخميس الماضي إلى تونس", "الخميس الماضي", "2018-02-08", "2018-02-08", DatePrecision.Day, true)]
    [InlineData("سيعقد الاجتماع الأحد المقبل في جنيف", "الأحد المقبل", "2018-02-18", "2018-02-18", DatePrecision.Day, true)]
    [InlineData("تنطلق المفاوضات الثلاثاء القادم في عمان", "الثلاثاء القادم", "2018-02-20", "2018-02-20", DatePrecision.Day, true)]
    [InlineData("قال المتحدث الثلاثاء إن الحوار مستمر", "الثلاثاء", "2018-02-13", "2018-02-13", DatePrecision.Day, true)]
    [InlineData("اندلعت الاشتباكات مساء السبت قرب الحدود", "مساء السبت", "2018-02-10", "2018-02-10", DatePrecision.Day, true)]
    [InlineData("وفي يوم الاثنين أعلن الجيش", "يوم الاثنين", "2018-02-12", "2018-02-12", DatePrecision.Day, true)]
    // Days around the anchor, with clitics and tanween.
    [InlineData("قال مسؤول أمس إن المفاوضات متعثرة", "أمس", "2018-02-12", "2018-02-12", DatePrecision.Day, true)]
    [InlineData("وأمس أعلنت الوزارة الحصيلة", "أمس", "2018-02-12", "2018-02-12", DatePrecision.Day, true)]
    [InlineData("التقى بالأمس وفدا من المعارضة", "الأمس", "2018-02-12", "2018-02-12", DatePrecision.Day, true)]
    [InlineData("وصل الوفد أول أمس إلى طرابلس", "أول أمس", "2018-02-11", "2018-02-11", DatePrecision.Day, true)]
    [InlineData("غادر أول من أمس دون تصريح", "أول من أمس", "2018-02-11", "2018-02-11", DatePrecision.Day, true)]
    [InlineData("وقع الانفجار مساء أمس الأول في السوق", "مساء أمس الأول", "2018-02-11", "2018-02-11", DatePrecision.Day, true)]
    [InlineData("أعلنت الحكومة صباح اليوم خطتها", "صباح اليوم", "2018-02-13", "2018-02-13", DatePrecision.Day, true)]
    [InlineData("تبدأ القمة غداً في الرياض", "غداً", "2018-02-14", "2018-02-14", DatePrecision.Day, true)]
    [InlineData("يصوت البرلمان بعد غد على القانون", "بعد غد", "2018-02-15", "2018-02-15", DatePrecision.Day, true)]
    [InlineData("سقطت قذائف الليلة الماضية على الحي", "الليلة الماضية", "2018-02-12", "2018-02-12", DatePrecision.Day, true)]
    [InlineData("يلقي الرئيس خطابا الليلة أمام البرلمان", "الليلة", "2018-02-13", "2018-02-13", DatePrecision.Day, true)]
    // Weeks, months and years relative to the anchor's.
    [InlineData("تصاعدت المواجهات هذا الأسبوع في الجنوب", "هذا الأسبوع", "2018-02-11", "2018-02-17", DatePrecision.Week, true)]
    [InlineData("زار الوزير القاهرة الأسبوع الماضي", "الأسبوع الماضي", "2018-02-04", "2018-02-10", DatePrecision.Week, true)]
    [InlineData("والأسبوع المقبل يصل المبعوث", "الأسبوع المقبل", "2018-02-18", "2018-02-24", DatePrecision.Week, true)]
    [InlineData("زيارة سرية إلى القاهرة نهاية الأسبوع الماضي", "نهاية الأسبوع الماضي", "2018-02-09", "2018-02-10", DatePrecision.Week, true)]
    [InlineData("ارتفعت الأسعار الشهر الماضي بنسبة كبيرة", "الشهر الماضي", "2018-01-01", "2018-01-31", DatePrecision.Month, true)]
    [InlineData("ينتهي العقد الشهر الجاري", "الشهر الجاري", "2018-02-01", "2018-02-28", DatePrecision.Month, true)]
    [InlineData("صدر القانون مطلع الشهر الماضي", "مطلع الشهر الماضي", "2018-01-01", "2018-01-10", DatePrecision.Approximate, true)]
    [InlineData("جرت الانتخابات منتصف الشهر الماضي", "منتصف الشهر الماضي", "2018-01-11", "2018-01-20", DatePrecision.Approximate, true)]
    [InlineData("استقال الوزير أواخر الشهر الماضي", "أواخر الشهر الماضي", "2018-01-21", "2018-01-31", DatePrecision.Approximate, true)]
    [InlineData("سجل الاقتصاد نموا العام الماضي", "العام الماضي", "2017-01-01", "2017-12-31", DatePrecision.Year, true)]
    [InlineData("تراجع العجز في السنة الماضية", "السنة الماضية", "2017-01-01", "2017-12-31", DatePrecision.Year, true)]
    [InlineData("رصدت الحكومة ميزانية للعام المقبل", "للعام المقبل", "2019-01-01", "2019-12-31", DatePrecision.Year, true)]
    [InlineData("تعافى القطاع مطلع 2017 بعد الأزمة", "مطلع 2017", "2017-01-01", "2017-04-30", DatePrecision.Approximate, false)]
    // Counted spans back from the anchor, with number words and dual nouns.
    [InlineData("فشل الحصار على المدينة منذ نحو عامين", "منذ نحو عامين", "2015-11-14", "2016-05-14", DatePrecision.Approximate, true)]
    [InlineData("بدأ الإضراب منذ ثلاثة أشهر", "منذ ثلاثة أشهر", "2017-11-01", "2017-11-30", DatePrecision.Month, true)]
    [InlineData("غادر البلاد قبل شهرين", "قبل شهرين", "2017-12-01", "2017-12-31", DatePrecision.Month, true)]
    [InlineData("أغلق المعبر منذ سنتين", "منذ سنتين", "2016-01-01", "2016-12-31", DatePrecision.Year, true)]
    [InlineData("اعتقل الصحفي قبل يومين في المطار", "قبل يومين", "2018-02-11", "2018-02-11", DatePrecision.Day, true)]
    [InlineData("اختفى قبل عشرة أيام دون أثر", "قبل عشرة أيام", "2018-02-03", "2018-02-03", DatePrecision.Day, true)]
    [InlineData("يعيش في المنفى منذ 15 عاما", "منذ 15 عاما", "2003-01-01", "2003-12-31", DatePrecision.Year, true)]
    [InlineData("وقع الحادث منذ أسبوع تقريبا", "منذ أسبوع", "2018-02-04", "2018-02-10", DatePrecision.Week, true)]
    [InlineData("سيطرت القوات على المدينة قبل أشهر", "قبل أشهر", "2017-04-13", "2017-11-13", DatePrecision.Approximate, true)]
    [InlineData("وصلت التعزيزات قبل أيام إلى الجبهة", "قبل أيام", "2018-02-03", "2018-02-11", DatePrecision.Approximate, true)]
    [InlineData("انطلقت المحادثات منذ بضعة أسابيع", "منذ بضعة أسابيع", "2017-12-05", "2018-01-23", DatePrecision.Approximate, true)]
    [InlineData("يتعثر المشروع منذ أكثر من عامين", "منذ أكثر من عامين", "2015-02-13", "2016-02-13", DatePrecision.Approximate, true)]
    [InlineData("تصاعد التوتر خلال الأيام الماضية في الشمال", "الأيام الماضية", "2018-02-06", "2018-02-12", DatePrecision.Approximate, true)]
    [InlineData("تضاعفت الأسعار خلال العامين الماضيين", "العامين الماضيين", "2016-02-13", "2018-02-12", DatePrecision.Approximate, true)]
    // A day and month without a year: the year that puts them nearest the anchor.
    [InlineData("افتتح المعرض في 13 فبراير بحضور الوزير", "13 فبراير", "2018-02-13", "2018-02-13", DatePrecision.Day, true)]
    [InlineData("أقر البرلمان الميزانية في 20 ديسمبر", "20 ديسمبر", "2017-12-20", "2017-12-20", DatePrecision.Day, true)]
    public void Resolves_against_the_article_date(
        string sentence, string text, string from, string to, DatePrecision precision, bool relative)
    {
        var mention = Assert.Single(DateExtractor.Extract(sentence, Anchor));
        Assert.Equal(text, mention.Text);
        Assert.Equal(text, sentence[mention.Start..mention.End]);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), mention.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), mention.To);
        Assert.Equal(precision, mention.Precision);
        Assert.Equal(relative, mention.Relative);
        Assert.Equal(DateMention.Gregorian, mention.Calendar);
    }

    [Theory]
    [InlineData("أجلت المحكمة الجلسة إلى 31/02/2018 خطأ")]
    [InlineData("أعلن في 30 فبراير 2018 عن النتائج")]
    [InlineData("سجلت المدينة 2014 إصابة جديدة")]
    [InlineData("وصل عدد المشاركين إلى 2500 شخص")]
    [InlineData("بلغت نسبة النمو 2018% في التقرير")]
    [InlineData("أعلن عن ذلك في اليوم التالي للاجتماع")]
    [InlineData("احتفل العالم باليوم العالمي للمرأة")]
    [InlineData("فاز حزب الغد بمقعدين")]
    [InlineData("مارس الرياضة لسنوات طويلة")]
    [InlineData("أدى المصلون صلاة الجمعة في المسجد")]
    [InlineData("لا تزال المدينة تعاني حتى الآن من الحصار")]
    [InlineData("استمرت المعارك لأكثر من عامين")]
    public void Finds_nothing_where_there_is_no_date(string sentence) =>
        Assert.Empty(DateExtractor.Extract(sentence, Anchor));

    [Fact]
    public void Impossible_date_is_consumed_whole_and_not_read_as_a_year()
    {
        // 31/02/2018 does not exist; its "2018" must not come back as "the year 2018".
        var mentions = DateExtractor.Extract("تأجل الموعد إلى 31/02/2018 ثم ألغي عام 2019", Anchor);
        var mention = Assert.Single(mentions);
        Assert.Equal("عام 2019", mention.Text);
    }

    [Fact]
    public void Hijri_day_converts_with_the_umm_al_qura_calendar()
    {
        // The Umm al-Qura calendar puts 1 Ramadan 1439 on Wednesday 16 May 2018 (Saudi Arabia's sighted start was a
        // day later; a tabular calendar cannot know that), so its 15th is 30 May 2018.
        var mention = Assert.Single(DateExtractor.Extract("ولد في 15 رمضان 1439 هـ بمكة", Anchor));
        Assert.Equal("15 رمضان 1439 هـ", mention.Text);
        Assert.Equal(DateMention.Hijri, mention.Calendar);
        Assert.Equal(new DateOnly(2018, 5, 30), mention.From);
        Assert.Equal(mention.From, mention.To);
        Assert.Equal(DatePrecision.Day, mention.Precision);
        Assert.Equal("2018-05-30", mention.Value);
    }

    [Fact]
    public void Hijri_year_spans_muharram_to_dhu_al_hijjah()
    {
        // 1 Muharram 1439 was 21 September 2017; 1 Muharram 1440 was 11 September 2018.
        var mention = Assert.Single(DateExtractor.Extract("صدر المرسوم عام 1439 هـ بعد مشاورات", Anchor));
        Assert.Equal("عام 1439 هـ", mention.Text);
        Assert.Equal(DateMention.Hijri, mention.Calendar);
        Assert.Equal(new DateOnly(2017, 9, 21), mention.From);
        Assert.Equal(new DateOnly(2018, 9, 10), mention.To);
        Assert.Equal(DatePrecision.Year, mention.Precision);
    }

    [Fact]
    public void Hijri_month_with_two_word_name()
    {
        // 1 Dhu al-Hijjah 1439 was 12 August 2018 (Umm al-Qura); the month had 30 days.
        var mention = Assert.Single(DateExtractor.Extract("يبدأ الموسم في ذي الحجة 1439 كالمعتاد", Anchor));
        Assert.Equal("ذي الحجة 1439", mention.Text);
        Assert.Equal(DateMention.Hijri, mention.Calendar);
        Assert.Equal(new DateOnly(2018, 8, 12), mention.From);
        Assert.Equal(DatePrecision.Month, mention.Precision);
    }

    [Theory]
    [InlineData("هذا الأسبوع", "2018-W07")]
    [InlineData("نهاية الأسبوع الماضي", "2018-W06")]
    [InlineData("الشهر الماضي", "2018-01")]
    [InlineData("منذ نحو عامين", "2016-02")]
    [InlineData("نيسان أبريل 2016", "2016-04")]
    [InlineData("عام 2016", "2016")]
    [InlineData("أمس", "2018-02-12")]
    public void Value_is_iso_at_the_expression_grain(string text, string value) =>
        Assert.Equal(value, Assert.Single(DateExtractor.Extract(text, Anchor)).Value);

    [Fact]
    public void Without_an_anchor_relative_mentions_stay_unresolved_and_absolute_ones_resolve()
    {
        var mentions = DateExtractor.Extract("قال أمس إن الاتفاق وقع في 13/02/2018 وسينفذ الأسبوع المقبل", null);
        Assert.Equal(["أمس", "13/02/2018", "الأسبوع المقبل"], mentions.Select(m => m.Text));
        Assert.False(mentions[0].Resolved);
        Assert.Null(mentions[0].Value);
        Assert.True(mentions[0].Relative);
        Assert.Equal(new DateOnly(2018, 2, 13), mentions[1].From);
        Assert.False(mentions[2].Resolved);
        Assert.Equal(DatePrecision.Week, mentions[2].Precision);
    }

    [Fact]
    public void Several_mentions_in_one_text_keep_their_order_and_offsets()
    {
        const string text = "وصل الوفد أمس، بعد أن غادر الخميس الماضي، على أن يعود في 20 آذار 2018.";
        var mentions = DateExtractor.Extract(text, Anchor);
        Assert.Equal(["أمس", "الخميس الماضي", "20 آذار 2018"], mentions.Select(m => m.Text));
        foreach (var m in mentions) Assert.Equal(m.Text, text[m.Start..m.End]);
        Assert.Equal(new DateOnly(2018, 3, 20), mentions[2].From);
    }
}
