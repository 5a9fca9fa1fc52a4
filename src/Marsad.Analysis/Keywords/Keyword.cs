namespace Marsad.Analysis.Keywords;

/// <summary>A key phrase of an article as written in it (without attached و/ب/ل…), scored 0..1 relative to the best one.</summary>
public sealed record Keyword(string Text, double Score);
