namespace Marsad.Text;

/// <summary>Type-level analysis of one normalised Arabic word: what the chain computes once per word type.</summary>
internal readonly record struct WordAnalysis(CliticSegmentation Clitics, int StemStart, int StemLength, bool IsStopWord);
