namespace Marsad.Tests;

/// <summary>
/// Locates the read-only shared data folder that sits beside the checkout (../shared), or MARSAD_SHARED.
/// Tests that need it call <see cref="Path(string)"/>, which fails loudly (never skips) when it is missing,
/// so a CI run without the data cannot pass by accident.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    public static string Path(string relative)
    {
        var root = Root.Value ?? throw new InvalidOperationException(
            "Shared data not found: expected a 'shared' folder beside the repository (../shared) or MARSAD_SHARED. " +
            "Tests that read real corpora need it.");
        var full = System.IO.Path.Combine(root, relative);
        if (!File.Exists(full) && !Directory.Exists(full))
            throw new InvalidOperationException($"Shared data file missing: {full}");
        return full;
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "data"))) return candidate;
        }
        return null;
    }
}
