namespace Marsad.Analysis.Topics;

/// <summary>One L2-normalised feature vector: ascending bucket indices and their values.</summary>
internal readonly record struct SparseRow(int[] Index, float[] Value);
