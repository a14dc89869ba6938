using System.Globalization;

namespace Briefings.Integration.Tests.Infrastructure;

/// <summary>
/// A real MariaDB server (Debian's mariadb-server) of the test's own: a fresh data folder, a free
/// loopback port, no grant tables. It is never killed mid-test, so it runs without fsync on commit.
/// </summary>
public sealed class MariaDb : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _folder;
    private readonly string _client;

    private MariaDb(ChildProcess process, string folder, string client, int port)
    {
        _process = process;
        _folder = folder;
        _client = client;
        Port = port;
    }

    public int Port { get; }

    /// <summary>
    /// Starts a server on a free port. The port is free when found but may be taken by another
    /// test's server before mariadbd binds it; mariadbd then exits, and it is started again on
    /// another port (three tries).
    /// </summary>
    public static async Task<MariaDb> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync();
            }
            catch (ServerExitedException) when (attempt < 3)
            {
                // Another port.
            }
        }
    }

    private static async Task<MariaDb> StartOnceAsync()
    {
        var server = Find("mariadbd");
        var client = Find("mariadb");
        var folder = Repository.TempFolder("mariadb");
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        var port = Repository.FreePort();
        var process = ChildProcess.Start(server,
        [
            "--no-defaults",
            $"--user={Environment.UserName}", // mariadbd refuses to run as root unless told to
            $"--datadir={data}",
            $"--socket={Path.Combine(folder, "mariadb.sock")}",
            $"--pid-file={Path.Combine(folder, "mariadb.pid")}",
            "--bind-address=127.0.0.1",
            $"--port={port.ToString(CultureInfo.InvariantCulture)}",
            "--skip-grant-tables",
            "--skip-log-bin",
            "--innodb-buffer-pool-size=32M",
            "--innodb-log-file-size=8M",
            "--innodb-flush-log-at-trx-commit=2",
        ]);

        var database = new MariaDb(process, folder, client, port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.Process.HasExited || DateTime.UtcNow > deadline)
            {
                var exited = process.Process.HasExited;
                var output = process.Output;
                await database.DisposeAsync();
                throw exited ? new ServerExitedException($"MariaDB exited on port {port}: {output}") : new InvalidOperationException($"MariaDB did not start: {output}");
            }

            if (await database.TryExecuteAsync("SELECT 1") is null)
            {
                return database;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Creates an empty database and returns its <c>mysql://</c> address.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        if (await TryExecuteAsync($"CREATE DATABASE `{name}`") is { } error)
        {
            throw new InvalidOperationException($"Could not create database {name}: {error}");
        }

        return $"mysql://root@127.0.0.1:{Port}/{name}";
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned later.
        }
    }

    /// <summary>Runs one statement with the command-line client; null on success, else its output.</summary>
    private async Task<string?> TryExecuteAsync(string sql)
    {
        await using var client = ChildProcess.Start(_client,
            ["--no-defaults", "--protocol=TCP", "-h", "127.0.0.1", "-P", Port.ToString(CultureInfo.InvariantCulture), "-u", "root", "-e", sql]);
        await client.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return client.Process.ExitCode == 0 ? null : client.Output;
    }

    /// <summary>mariadbd stopped before it answered (most often: its port was taken meanwhile).</summary>
    private sealed class ServerExitedException(string message) : Exception(message);

    private static string Find(string program)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/local/sbin", "/usr/bin"]);
        return folders.Select(f => Path.Combine(f, program)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{program} was not found: install Debian's mariadb-server, as tests/run.sh does.");
    }
}
