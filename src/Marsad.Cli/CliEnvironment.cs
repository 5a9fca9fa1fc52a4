namespace Marsad.Cli;

/// <summary>
/// Where the CLI finds the repository (to write trained models where they ship from) and the shared corpora
/// (a 'shared' folder beside the checkout, or MARSAD_SHARED).
/// </summary>
public static class CliEnvironment
{
    public static string SharedPath(string relative)
    {
        var root = FindSharedRoot() ?? throw new CliException(
            "shared data not found: put the 'shared' folder beside the repository or set MARSAD_SHARED");
        var full = Path.Combine(root, relative);
        if (!File.Exists(full) && !Directory.Exists(full))
            throw new CliException($"{full}: not found in the shared data folder");
        return full;
    }

    /// <summary>The models/ folder of the checkout the CLI was built from, or ./models when run elsewhere.</summary>
    public static string ModelPath(string fileName)
    {
        var repo = FindUpwards(AppContext.BaseDirectory, "Marsad.slnx") ?? FindUpwards(Directory.GetCurrentDirectory(), "Marsad.slnx");
        return Path.Combine(repo ?? Directory.GetCurrentDirectory(), "models", fileName);
    }

    private static string? FindSharedRoot()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? env : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "data"))) return candidate;
            }
        }
        return null;
    }

    private static string? FindUpwards(string start, string marker)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, marker))) return dir.FullName;
        return null;
    }
}
