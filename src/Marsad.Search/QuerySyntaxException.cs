namespace Marsad.Search;

/// <summary>A user query Marsad refuses, with a message fit to show the user.</summary>
public sealed class QuerySyntaxException(string message) : Exception(message);
