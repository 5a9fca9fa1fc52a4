namespace Marsad.Cli;

/// <summary>A failure the user can act on: printed as one line, without a stack trace.</summary>
public sealed class CliException(string message) : Exception(message);
