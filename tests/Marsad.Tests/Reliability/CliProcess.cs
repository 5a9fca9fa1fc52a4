using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Marsad.Tests.Reliability;

/// <summary>
/// The built <c>marsad</c> command (the test output holds marsad.dll) run as a real child process, its output drained
/// as it comes so a chatty process never blocks on a full pipe. <see cref="Kill"/> is SIGKILL: no handler runs.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private CliProcess(Process process) => Process = process;

    public Process Process { get; }

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public bool HasExited => Process.HasExited;

    public static CliProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "marsad.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The tests say where data lives; nothing from the caller's environment may redirect it.
        start.Environment.Remove("MARSAD_DATA");
        start.Environment.Remove("MARSAD_STORE");
        start.Environment.Remove("MARSAD_API_KEY");
        var process = new Process { StartInfo = start };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (cli._stdout) cli._stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (cli._stderr) cli._stderr.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs to completion and returns the exit code with everything printed.</summary>
    public static (int Exit, string Stdout, string Stderr) Run(TimeSpan timeout, params string[] arguments)
    {
        using var cli = Start(arguments);
        var exit = cli.WaitForExit(timeout);
        return (exit, cli.Stdout, cli.Stderr);
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!Process.WaitForExit(timeout))
        {
            Kill();
            Assert.Fail($"marsad {string.Join(' ', Process.StartInfo.ArgumentList.Skip(1))} did not finish within {timeout.TotalSeconds:N0} s:\n{Stderr}");
        }
        Process.WaitForExit(); // drains the asynchronous readers
        return Process.ExitCode;
    }

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public void Kill()
    {
        try
        {
            Process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        Process.WaitForExit();
    }

    public void Dispose()
    {
        if (!Process.HasExited) Kill();
        Process.Dispose();
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
