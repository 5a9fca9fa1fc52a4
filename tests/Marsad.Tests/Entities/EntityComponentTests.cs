using Marsad.Analysis;
using Marsad.Analysis.Components;
using Marsad.Analysis.Reading;

namespace Marsad.Tests.Entities;

public sealed class EntityComponentTests
{
    [Theory]
    [InlineData("body", true)]
    [InlineData("javascript", true)]
    [InlineData("xss-body", true)]
    [InlineData("CNN", false)]
    [InlineData("iPhone", false)]
    [InlineData("غدامس", false)]
    [InlineData("2018", false)]
    public void Lowercase_latin_is_told_from_names(string text, bool lowercase) =>
        Assert.Equal(lowercase, EntityComponent.IsLowercaseLatin(text));

    [Fact]
    public void Markup_words_in_an_article_are_not_tagged_as_names()
    {
        const string body = "زار وفد من بلدية غدامس واحة الصحراء لبحث مشاريع المياه. </textarea></title><script>document.title='xss-body'</script> " +
                            "وقال رئيس الوفد إن العمل يبدأ الشهر المقبل <style>body{display:none}</style> في أحياء المدينة القديمة.";
        var article = new Article(ContentId.Compute("غدامس", body), "غدامس", null, body, null, null, null, null, "test");
        var document = DefaultPipeline.Create().Run(article);
        Assert.DoesNotContain(document.Entities, e => e.Text is "body" or "textarea" or "document" or "script");
    }
}
