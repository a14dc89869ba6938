namespace Briefings.Integration.Tests.Infrastructure;

/// <summary>
/// A test class that runs the real runner over the folder store or over a fresh Azurite; each
/// test gets its own runner and store. Subclass twice, once per store, to run the tests on both.
/// </summary>
public abstract class RunnerOnStore(bool azurite) : IAsyncLifetime
{
    private Azurite? _azurite;

    protected Runner Runner { get; private set; } = null!;

    /// <summary>Configuration the runner starts with.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        if (azurite)
        {
            _azurite = await Azurite.StartAsync();
        }

        Runner = await Runner.StartAsync(_azurite?.ConnectionString, Settings);
    }

    public async Task DisposeAsync()
    {
        await Runner.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
