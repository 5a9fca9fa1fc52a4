using System.Reflection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Embedded;
using Microsoft.Extensions.Primitives;

namespace Marsad.Web;

/// <summary>
/// The site (wwwroot, including the front-end packages copied in at build time) as embedded resources named
/// <c>wwwroot/&lt;path&gt;</c>, so the server needs no files beside its binary.
/// </summary>
public sealed class SiteFiles : IFileProvider
{
    private const string Prefix = "wwwroot/";
    private readonly Assembly _assembly = typeof(SiteFiles).Assembly;
    private readonly HashSet<string> _names;
    private readonly DateTimeOffset _built;

    public SiteFiles()
    {
        _names = new HashSet<string>(_assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)), StringComparer.Ordinal);
        _built = File.GetLastWriteTimeUtc(_assembly.Location) is var t && t.Year > 1601 ? new DateTimeOffset(t) : DateTimeOffset.UtcNow;
    }

    public IEnumerable<string> Paths => _names.Select(n => n[Prefix.Length..]);

    public IFileInfo GetFileInfo(string subpath)
    {
        var name = Prefix + subpath.TrimStart('/');
        if (!_names.Contains(name)) return new NotFoundFileInfo(subpath);
        return new EmbeddedResourceFileInfo(_assembly, name, Path.GetFileName(name), _built);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
}
