namespace Marsad.Analysis.Summaries;

/// <summary>An extractive summary: indices into <see cref="Document.Sentences"/> in text order, and their text joined by spaces.</summary>
public sealed record Summary(IReadOnlyList<int> Sentences, string Text);
