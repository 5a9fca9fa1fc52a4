using Npgsql;

namespace Marsad.Store;

/// <summary>
/// Turns what users type for a PostgreSQL store into an Npgsql connection string. Accepts
/// <c>postgres://user:password@host:port/database?key=value</c> (also <c>postgresql://</c>; user, password
/// and database are percent-decoded, IPv6 hosts go in brackets) or an Npgsql connection string as is.
/// Query keys are libpq's <c>sslmode</c> or any Npgsql connection string keyword.
/// </summary>
public static class PostgresConnectionString
{
    public static bool IsUrl(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    public static string Normalize(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        value = value.Trim();
        return IsUrl(value) ? FromUrl(value) : new NpgsqlConnectionStringBuilder(value).ConnectionString;
    }

    public static string FromUrl(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!IsUrl(url))
            throw new FormatException("A PostgreSQL URL must start with postgres:// or postgresql://.");

        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        string? query = null;
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        if (queryStart >= 0)
        {
            query = rest[(queryStart + 1)..];
            rest = rest[..queryStart];
        }

        string? database = null;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            database = Uri.UnescapeDataString(rest[(slash + 1)..]);
            rest = rest[..slash];
        }

        var builder = new NpgsqlConnectionStringBuilder();
        // The password may itself contain '@' when not percent-encoded; the host part never does.
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = colon >= 0 ? userInfo[..colon] : userInfo;
            if (user.Length > 0) builder.Username = Uri.UnescapeDataString(user);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }

        var (host, port) = SplitHostPort(rest, url);
        builder.Host = host.Length > 0 ? host : "localhost";
        if (port is { } p) builder.Port = p;
        if (!string.IsNullOrEmpty(database)) builder.Database = database;

        if (!string.IsNullOrEmpty(query))
        {
            foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Uri.UnescapeDataString((eq >= 0 ? pair[..eq] : pair).Replace('+', ' '));
                var value = eq >= 0 ? Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' ')) : "";
                ApplyOption(builder, key, value);
            }
        }
        return builder.ConnectionString;
    }

    private static (string Host, int? Port) SplitHostPort(string hostPort, string url)
    {
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw new FormatException($"Unclosed '[' in the host of PostgreSQL URL {Redact(url)}.");
            var host = hostPort[1..close];
            var after = hostPort[(close + 1)..];
            if (after.Length == 0) return (host, null);
            if (!after.StartsWith(':')) throw new FormatException($"Unexpected text after the host in PostgreSQL URL {Redact(url)}.");
            return (host, ParsePort(after[1..], url));
        }
        var colon = hostPort.LastIndexOf(':');
        return colon < 0 ? (hostPort, null) : (hostPort[..colon], ParsePort(hostPort[(colon + 1)..], url));
    }

    private static int ParsePort(string text, string url) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            && port is > 0 and < 65536
            ? port
            : throw new FormatException($"Invalid port '{text}' in PostgreSQL URL {Redact(url)}.");

    private static void ApplyOption(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        switch (key.ToLowerInvariant())
        {
            case "sslmode":
                builder.SslMode = value.ToLowerInvariant() switch
                {
                    "disable" => SslMode.Disable,
                    "allow" => SslMode.Allow,
                    "prefer" => SslMode.Prefer,
                    "require" => SslMode.Require,
                    "verify-ca" => SslMode.VerifyCA,
                    "verify-full" => SslMode.VerifyFull,
                    _ => throw new FormatException($"Unknown sslmode '{value}' in PostgreSQL URL."),
                };
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            case "connect_timeout":
                builder.Timeout = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                try
                {
                    builder[key] = value;
                }
                catch (ArgumentException e)
                {
                    throw new FormatException($"Unsupported option '{key}' in PostgreSQL URL.", e);
                }
                break;
        }
    }

    /// <summary>The URL without its password, safe to put in error messages and logs.</summary>
    public static string Redact(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return url;
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?'], authorityStart);
        if (authorityEnd < 0) authorityEnd = url.Length;
        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at < 0) return url;
        var colon = url.IndexOf(':', authorityStart, at - authorityStart);
        return colon < 0 ? url : url[..(colon + 1)] + "***" + url[at..];
    }
}
