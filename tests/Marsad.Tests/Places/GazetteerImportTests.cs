using System.Diagnostics;
using Marsad.Analysis.Places;
using Marsad.Tests.Reading;

namespace Marsad.Tests.Places;

/// <summary>GeoNames dumps and countries lists, converted to the compact file and loaded beside the built-in list.</summary>
public sealed class GazetteerImportTests
{
    // Three rows in the 19-column GeoNames dump layout: a town the built-in list lacks (Zuwara), Cairo (which must
    // merge with the built-in entry) and a row without Arabic names (which must be skipped).
    private const string Dump =
        "2208425\tZuwarah\tZuwarah\tZuara,Zuwara,Zuwarah,زوارة,زواره\t32.93120\t12.08199\tP\tPPL\tLY\t\t35\t\t\t\t180310\t\t5\tAfrica/Tripoli\t2020-01-01\n" +
        "360630\tCairo\tCairo\tCairo,Kairo,القاهرة\t30.06263\t31.24967\tP\tPPLC\tEG\t\t11\t\t\t\t9606916\t\t23\tAfrica/Cairo\t2020-01-01\n" +
        "3041563\tAndorra la Vella\tAndorra la Vella\tAndorra,Andorre-la-Vieille\t42.50779\t1.52109\tP\tPPLC\tAD\t\t07\t\t\t\t20430\t\t1037\tEurope/Andorra\t2020-01-01\n";

    private const string Countries =
        "[{\"name\":{\"common\":\"Andorra\",\"native\":{\"cat\":{\"common\":\"Andorra\"}}},\"cca2\":\"AD\",\"latlng\":[42.5,1.5]," +
        "\"translations\":{\"ara\":{\"official\":\"إمارة أندورا\",\"common\":\"أندورا\"}}}," +
        "{\"name\":{\"common\":\"Egypt\"},\"cca2\":\"EG\",\"latlng\":[27.0,30.0],\"translations\":{\"ara\":{\"common\":\"مصر\",\"official\":\"جمهورية مصر العربية\"}}}]";

    [Fact]
    public void Geonames_rows_keep_arabic_names_kind_population_and_id()
    {
        using var reader = new StringReader(Dump);
        var places = GeoNamesReader.Read(reader).ToList();
        Assert.Equal(2, places.Count);
        var zuwara = places[0];
        Assert.Equal("زوارة", zuwara.Name);
        Assert.Equal(["زوارة", "زواره"], zuwara.Names);
        Assert.Equal(("LY", PlaceKind.City, 180310L, 2208425L), (zuwara.Country, zuwara.Kind, zuwara.Population, zuwara.GeoNamesId!.Value));
        Assert.Equal(PlaceKind.Capital, places[1].Kind);
    }

    [Fact]
    public void Imported_file_is_loaded_in_addition_to_the_built_in_list()
    {
        using var folder = new TempFolder();
        var places = GazetteerSources.Read(folder.Write("cities.txt", Dump));
        places.AddRange(GazetteerSources.Read(folder.Write("countries.json", Countries)));
        using (var output = File.Create(Path.Combine(folder.Root, Gazetteer.FileName))) GazetteerFile.Write(output, places);

        var gazetteer = Gazetteer.Load(folder.Root);
        Assert.Equal(Gazetteer.BuiltIn.Count + 2, gazetteer.Count); // Zuwara and Andorra are new, Cairo and Egypt merge.
        Assert.Equal(26.8, Assert.Single(gazetteer.Find("مصر")).Latitude);
        var zuwara = Assert.Single(gazetteer.Find("وزوارة"));
        Assert.Equal(2208425, zuwara.GeoNamesId);
        var cairo = Assert.Single(gazetteer.Find("القاهرة"));
        Assert.Equal((30.0444, 360630L), (cairo.Latitude, cairo.GeoNamesId!.Value));
        Assert.Equal("AD", Assert.Single(gazetteer.Find("إمارة أندورا")).Country);
        Assert.Empty(Gazetteer.BuiltIn.Find("زوارة"));
    }

    [Fact]
    public void Cli_import_writes_the_gazetteer_into_the_data_folder()
    {
        using var folder = new TempFolder();
        var dump = folder.Write("cities15000.txt", Dump);
        var data = Path.Combine(folder.Root, "data");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "marsad.dll"), "gazetteer", "import", dump, "--data", data })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
        Assert.Contains("wrote 2 places", stderr);
        Assert.Single(Gazetteer.Load(data).Find("زوارة"));
    }

    [Fact]
    public void A_file_that_is_not_a_gazetteer_is_refused()
    {
        using var stream = new MemoryStream("not a gazetteer"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => GazetteerFile.Read(stream));
    }
}
