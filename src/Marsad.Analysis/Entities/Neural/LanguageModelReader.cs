namespace Marsad.Analysis.Entities.Neural;

/// <summary>
/// The <see cref="NewsLanguageModel"/> states of the sentence being tagged, computed once for all the networks of an
/// ensemble that read them (they are the same for every member). Holds buffers: one instance per thread.
/// </summary>
internal sealed class LanguageModelReader(NewsLanguageModel model, WordVectors vectors)
{
    private readonly TokenInputs _inputs = new();
    private readonly BiLstm.Workspace _workspace = new();

    /// <summary>Per token of the last sentence read, <see cref="NewsLanguageModel.StateSize"/> floats.</summary>
    public ReadOnlySpan<float> States => _inputs.Context.AsSpan(0, _inputs.Count * model.StateSize);

    public void Read(IReadOnlyList<string> tokens)
    {
        _inputs.Extract(tokens, vectors, model.Network.AffixBuckets);
        model.States(_inputs, vectors, _workspace);
    }
}
