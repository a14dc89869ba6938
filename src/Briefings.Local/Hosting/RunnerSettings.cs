namespace Briefings.Local.Hosting;

/// <summary>Command-line choices that overlay configuration.</summary>
public sealed record RunnerSettings
{
    public string? DataPath { get; init; }

    public string? ConnectionString { get; init; }

    /// <summary>The loopback port to serve on; 0 picks a free one.</summary>
    public int? Port { get; init; }

    /// <summary>Run the inbox watcher and the daily schedule in the background.</summary>
    public bool Background { get; init; } = true;

    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    internal Dictionary<string, string?> ToConfiguration()
    {
        var values = new Dictionary<string, string?>(Overrides);
        if (DataPath is not null)
        {
            values["Briefings:Storage:DataPath"] = DataPath;
        }

        if (ConnectionString is not null)
        {
            values["Briefings:Storage:ConnectionString"] = ConnectionString;
        }

        return values;
    }
}
