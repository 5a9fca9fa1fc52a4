using Marsad.Text;

namespace Marsad.Analysis.Components;

/// <summary>Counts the body's tokens and, for <c>analyze --tokens</c>, records each with its analysis.</summary>
public sealed class TokenComponent : IPipelineComponent
{
    public string Name => "tokens";

    public void Process(Document document)
    {
        var body = document.Body;
        var count = 0;
        if (document.KeepTokens)
        {
            foreach (var token in ArabicAnalyzerChain.ForCurrentThread.Analyze(body))
            {
                count++;
                document.Tokens.Add(Detail(body, token));
            }
        }
        else
        {
            // The analysed tokens are the tokenizer's, one for one: counting needs no normalising or stemming.
            foreach (var _ in Tokenizer.Enumerate(body)) count++;
        }
        document.TokenCount = count;
    }

    private static TokenDetail Detail(string body, AnalyzedToken token)
    {
        var normalized = token.Normalized;
        var clitics = token.Clitics;
        var parts = new List<string>(4);
        var proclitics = normalized[..clitics.ProcliticLength];
        // Proclitics are single letters except the article ال, which comes last and is written ل alone after ل (لل).
        var articleLength = (clitics.Proclitics & Proclitics.Al) == 0 ? 0 : proclitics.EndsWith("ال") ? 2 : 1;
        var articleStart = proclitics.Length - articleLength;
        for (var i = 0; i < articleStart; i++) parts.Add(proclitics[i].ToString());
        if (articleStart < proclitics.Length) parts.Add(proclitics[articleStart..].ToString());
        if (clitics.EncliticLength > 0) parts.Add(normalized[^clitics.EncliticLength..].ToString());
        return new TokenDetail(
            token.Token.Start,
            token.Token.End,
            body[token.Token.Start..token.Token.End],
            token.Token.Kind.ToString(),
            normalized.ToString(),
            token.Stem.ToString(),
            parts,
            token.IsStopWord);
    }
}
