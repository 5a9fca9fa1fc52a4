using Marsad.Analysis.Places;

namespace Marsad.Tests.Places;

public sealed class KeyedWordsTests
{
    [Theory]
    [InlineData("وصل الوفدُ إلى أبو ظبي، ثم إلى شبه جزيرة سيناء - والشرق الليبي")]
    [InlineData("ﻻ إله\u0640\u0640 إلا   الله 2018 abc قوات‌ مصرية")]
    public void A_run_of_contiguous_words_has_the_key_of_the_phrase_it_spells(string text)
    {
        var words = new KeyedWords(text);
        var runs = 0;
        for (var i = 0; i < words.Count; i++)
        {
            for (var n = 1; i + n <= words.Count; n++)
            {
                if (!words.Contiguous(i, n)) break;
                var phrase = text[words.Tokens[i].Start..words.Tokens[i + n - 1].End];
                Assert.Equal(PlaceNames.Key(phrase), words.Key(i, n).ToString());
                runs++;
            }
        }
        Assert.True(runs > 10);
    }

    [Theory]
    [InlineData("وللشرق", "للشرق:1 الشرق:2 لشرق:2")]
    [InlineData("فبنغازي", "بنغازي:1 نغازي:2")]
    [InlineData("كمصر", "مصر:1")]
    [InlineData("وب", "")]
    [InlineData("للحكومة", "الحكومة:1 لحكومة:1")]
    public void Proclitic_readings_strip_conjunction_then_preposition_and_restore_the_article(string key, string expected)
    {
        var actual = new List<string>();
        var readings = new ProcliticReadingEnumerator(key, new char[key.Length]);
        while (readings.MoveNext()) actual.Add($"{readings.Form}:{readings.Cut}");
        Assert.Equal(expected, string.Join(' ', actual));
        Assert.Equal(expected, string.Join(' ', PlaceNames.ProcliticReadings(key).Select(r => $"{r.Form}:{r.Cut}")));
    }
}
