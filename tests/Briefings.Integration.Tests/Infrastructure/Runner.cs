using Briefings.Local.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Briefings.Integration.Tests.Infrastructure;

/// <summary>The real runner on a free loopback port, over the folder store or Azurite.</summary>
public sealed class Runner : IAsyncDisposable
{
    private readonly bool _ownsFolder;

    private Runner(WebApplication app, string folder, bool ownsFolder)
    {
        _ownsFolder = ownsFolder;
        App = app;
        Folder = folder;
        Client = new HttpClient { BaseAddress = new Uri(RunnerHost.Address(app)) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>The data folder (the store itself when no connection string is given, else the outbox's parent).</summary>
    public string Folder { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<Runner> StartAsync(string? connectionString = null, IDictionary<string, string?>? settings = null, bool background = false)
    {
        var owned = settings?.TryGetValue("Briefings:Storage:DataPath", out _) != true;
        var folder = owned ? Repository.TempFolder("runner") : settings!["Briefings:Storage:DataPath"]!;
        var overrides = new Dictionary<string, string?>
        {
            ["Briefings:Templates:Path"] = Path.Combine(AppContext.BaseDirectory, "templates"),
            ["Briefings:Email:OutboxPath"] = Path.Combine(folder, "outbox"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = RunnerHost.Build(new RunnerSettings
        {
            DataPath = owned ? folder : null,
            ConnectionString = connectionString,
            Port = 0,
            Background = background,
            Overrides = overrides,
        });
        await app.StartAsync();
        return new Runner(app, folder, owned);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (!_ownsFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a background task; the temp folder is cleaned later.
        }
    }
}
