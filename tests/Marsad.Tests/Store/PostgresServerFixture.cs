using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Marsad.Tests.Store;

/// <summary>
/// A real, throwaway PostgreSQL 15 server for the store tests: a fresh cluster in a temp folder on a free
/// loopback port, stopped and deleted on dispose. It fails (never skips) when the server binaries are
/// missing, so a machine without PostgreSQL cannot pass the suite by accident.
/// </summary>
public sealed class PostgresServerFixture : IDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string DatabaseName = "marsad_test";
    private const string SuperUser = "postgres";

    private readonly string _root;
    private readonly string _dataDirectory;
    private readonly bool _asPostgresUser;
    private bool _started;

    public PostgresServerFixture()
    {
        var initdb = Path.Combine(BinDirectory, "initdb");
        if (!File.Exists(initdb) || !File.Exists(Path.Combine(BinDirectory, "pg_ctl")))
            throw new InvalidOperationException(
                $"PostgreSQL 15 server binaries are missing ({initdb} not found). " +
                "Run scripts/ensure-postgres.sh (as root) to install them, then run the tests again.");

        // initdb refuses to run as root, so a root test run hands the cluster to the postgres account.
        _asPostgresUser = Environment.UserName == "root";
        // /tmp rather than TMPDIR: the postgres account must be able to reach the folder.
        var tempBase = _asPostgresUser ? "/tmp" : Path.GetTempPath();
        _root = Path.Combine(tempBase, $"marsad-pg-{Guid.NewGuid():N}");
        _dataDirectory = Path.Combine(_root, "data");
        Directory.CreateDirectory(_root);
        try
        {
            if (_asPostgresUser) Run("chown", ["postgres:postgres", _root], asPostgres: false);

            Run(initdb, ["-D", _dataDirectory, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);

            Port = FreeLoopbackPort();
            // fsync off: the cluster is thrown away after the run, so durability only costs time here.
            var options = $"-c listen_addresses=127.0.0.1 -p {Port} -k {_root} -c fsync=off -c max_connections=200";
            Run(Path.Combine(BinDirectory, "pg_ctl"),
                ["start", "-w", "-t", "60", "-D", _dataDirectory, "-l", Path.Combine(_root, "server.log"), "-o", options]);
            _started = true;

            using var connection = new NpgsqlConnection(ConnectionString("postgres"));
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName} ENCODING 'UTF8' TEMPLATE template0", connection);
            create.ExecuteNonQuery();
        }
        catch (Exception e)
        {
            var log = ReadLog();
            Dispose();
            throw new InvalidOperationException($"Could not start the test PostgreSQL server: {e.Message}{log}", e);
        }
    }

    public int Port { get; }

    /// <summary>A connection string to the test database's default schema.</summary>
    public string DatabaseConnectionString => ConnectionString(DatabaseName);

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates an empty schema and returns a connection string whose search path points at it,
    /// so every test gets a pristine store without the cost of a database per test.</summary>
    public string CreateIsolatedStore()
    {
        var schema = $"t_{Guid.NewGuid():N}";
        Execute($"CREATE SCHEMA {schema}");
        return new NpgsqlConnectionStringBuilder(DatabaseConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public void Execute(string sql, string? connectionString = null)
    {
        using var connection = new NpgsqlConnection(connectionString ?? DatabaseConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            _started = false;
            try
            {
                Run(Path.Combine(BinDirectory, "pg_ctl"), ["stop", "-w", "-m", "immediate", "-D", _dataDirectory]);
            }
            catch (InvalidOperationException)
            {
                // Deleting the folder below still removes the cluster; a stuck server dies with its data.
            }
        }
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string ReadLog()
    {
        var path = Path.Combine(_root, "server.log");
        return File.Exists(path) ? $"{Environment.NewLine}server.log:{Environment.NewLine}{File.ReadAllText(path)}" : "";
    }

    private void Run(string program, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && _asPostgresUser)
        {
            info.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", program }) info.ArgumentList.Add(a);
        }
        else
        {
            info.FileName = program;
        }
        foreach (var argument in arguments) info.ArgumentList.Add(argument);

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A timed wait, because the server started by pg_ctl may inherit the output pipes and keep them open.
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish within 90 s.");
        }
        if (process.ExitCode != 0)
        {
            string text;
            lock (output) text = output.ToString();
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {text}");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
