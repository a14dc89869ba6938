using System.Globalization;

namespace Briefings.Integration.Tests.Infrastructure;

/// <summary>
/// A real Azurite blob service that survives being killed: its metadata lives in a MariaDB database
/// (Azurite's SQL store, set by <c>AZURITE_DB</c>) and its blob contents in files it flushes before
/// answering, so everything it acknowledged is still there after a <c>SIGKILL</c>. Killed and
/// started again on the same port, folder and database.
/// </summary>
public sealed class DurableAzurite : IAsyncDisposable
{
    private readonly string _database;
    private readonly string _folder;
    private ChildProcess? _process;

    private DurableAzurite(string database, string folder, int port)
    {
        _database = database;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => Azurite.ConnectionStringFor(Port);

    /// <summary>Starts Azurite on a fresh database of <paramref name="server"/> and a fresh folder.</summary>
    public static async Task<DurableAzurite> StartAsync(MariaDb server)
    {
        var database = await server.CreateDatabaseAsync($"azurite_{Guid.NewGuid():N}");
        var azurite = new DurableAzurite(database, Repository.TempFolder("azurite"), Repository.FreePort());
        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>Kills the process tree with <c>SIGKILL</c>: no shutdown, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Starts Azurite on the same port, folder and database; returns once it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("Azurite is already running.");
        }

        var process = ChildProcess.Start("node",
            [Azurite.Script, "--location", _folder, "--skipApiVersionCheck", "--loose", "--silent", "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(CultureInfo.InvariantCulture)],
            environment: new Dictionary<string, string> { ["AZURITE_DB"] = _database });
        if (!await Azurite.WaitForPortAsync(Port, process, TimeSpan.FromSeconds(60)))
        {
            var output = process.Output;
            await process.DisposeAsync();
            throw new InvalidOperationException($"Azurite did not start on port {Port}: {output}");
        }

        _process = process;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned later.
        }
    }
}
