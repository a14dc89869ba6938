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

    internal static async Task<bool> WaitForPortAsync(int port, ChildProcess process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.Process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }
}
