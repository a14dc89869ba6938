using System.Net.Sockets;

namespace Briefings.Integration.Tests.Infrastructure;

/// <summary>
/// A real Azurite blob service (from the repository's node_modules, pinned in package.json),
/// in memory on a free loopback port: every test that starts one owns all of its data.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly ChildProcess _process;

    private Azurite(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => ConnectionStringFor(Port);

    /// <summary>The blob service script in node_modules, or a message saying how to install it.</summary>
    internal static string Script
    {
        get
        {
            var script = Path.Combine(Repository.Root, "node_modules", "azurite", "dist", "src", "blob", "main.js");
            return File.Exists(script)
                ? script
                : throw new InvalidOperationException($"Azurite is not installed ({script} is missing): run `npm ci` in {Repository.Root}, as tests/run.sh does.");
        }
    }

    internal static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public static async Task<Azurite> StartAsync()
    {
        var script = Script;
        for (var attempt = 0; ; attempt++)
        {
            var port = Repository.FreePort();
            var process = ChildProcess.Start("node", [script, "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent", "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            if (await WaitForPortAsync(port, process, TimeSpan.FromSeconds(30)))
            {
                return new Azurite(process, port);
            }

            var output = process.Output;
            await process.DisposeAsync();
            if (attempt >= 2)
            {
                throw new InvalidOperationException($"Azurite did not start: {output}");
            }
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>
    /// Whether this Azurite process listens on the port: it says so itself ("… successfully listens
    /// on http://127.0.0.1:PORT"). A connection alone is not proof, since the free port may have
    /// been taken by another test's server between being found free and Azurite binding it (Azurite
    /// then exits, and the test would be talking to that server).
    /// </summary>
    internal static async Task<bool> WaitForPortAsync(int port, ChildProcess process, TimeSpan timeout)
    {
        var listening = $"listens on http://127.0.0.1:{port}";
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.Process.HasExited)
        {
            if (process.Output.Contains(listening, StringComparison.Ordinal))
            {
                using var client = new TcpClient();
                try
                {
                    await client.ConnectAsync("127.0.0.1", port);
                    return true;
                }
                catch (SocketException)
                {
                    // Said but not yet accepting: look again.
                }
            }

            await Task.Delay(100);
        }

        return false;
    }
}
