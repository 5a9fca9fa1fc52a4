using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Analysis;

namespace Marsad.Cli;

/// <summary>
/// The one JSON object that <c>--json</c> commands print on stdout. Key names are part of the public
/// contract (scripts depend on them): change them only with the docs.
/// </summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = DocumentJsonWriter.Encoder, WriteIndented = false };

    public static void Print(JsonObject value) => Console.Out.WriteLine(value.ToJsonString(Options));

    /// <summary>Rounds figures so that the JSON stays readable; 6 decimals is far below any reported difference.</summary>
    public static double Round(double value) => Math.Round(value, 6);
}
