using Marsad.Analysis.Entities;

namespace Marsad.Tests.Entities;

public class NerModelTests
{
    private static readonly string[][] Sentences =
    [
        "زار نيكولا ساركوزي مدينة بيروت يوم الاثنين .".Split(' '),
        "أعلنت شركة مايكروسوفت عن نتائجها في نيويورك .".Split(' '),
        "استقبل الرئيس المصري حسني مبارك في القاهرة وزير الخارجية الفرنسي .".Split(' '),
    ];

    [Fact]
    public void Save_and_load_give_identical_tags()
    {
        var model = NerModel.LoadDefault();
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var reloaded = NerModel.Load(stream);

        Assert.Equal(model.FeatureCount, reloaded.FeatureCount);
        Assert.Equal(model.ContextWindow, reloaded.ContextWindow);
        Assert.Equal(model.EntityBias, reloaded.EntityBias);
        Assert.Equal(model.Description, reloaded.Description);
        var a = new NerTagger(model);
        var b = new NerTagger(reloaded);
        foreach (var s in Sentences) Assert.Equal(a.Tag(s), b.Tag(s));
        Assert.Equal(a.TagDocument(Sentences), b.TagDocument(Sentences));
    }

    [Fact]
    public void Decoding_settings_can_be_overridden_without_retraining()
    {
        var model = NerModel.LoadDefault();
        var same = model.WithDecoding(null, null);
        Assert.Equal(model.EntityBias, same.EntityBias);
        Assert.Equal(new NerTagger(model).TagDocument(Sentences), new NerTagger(same).TagDocument(Sentences));

        // The bias is added to every entity label's score: a huge negative one leaves nothing to find, a huge positive one finds entities everywhere.
        var none = new NerTagger(model.WithDecoding(-1e6f, null)).TagDocument(Sentences);
        Assert.All(none.SelectMany(s => s), tag => Assert.Equal("O", tag));
        var all = new NerTagger(model.WithDecoding(1e6f, null)).TagDocument(Sentences);
        Assert.All(all.SelectMany(s => s), tag => Assert.NotEqual("O", tag));
        // The shipped model has no networks, so a neural weight does not give it one.
        Assert.Equal(0, model.WithDecoding(null, 48).NeuralWeight);
    }

    [Fact]
    public void Default_model_is_cached_and_document_aware()
    {
        Assert.Same(NerModel.LoadDefault(), NerModel.LoadDefault());
        Assert.True(NerModel.LoadDefault().UsesDocumentContext);
        Assert.Equal(9, NerModel.Labels.Count);
    }

    [Fact]
    public void Rejects_a_stream_that_is_not_a_model()
    {
        using var brotli = new MemoryStream();
        using (var w = new System.IO.Compression.BrotliStream(brotli, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            w.Write(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        brotli.Position = 0;
        Assert.Throws<InvalidDataException>(() => NerModel.Load(brotli));
    }
}
