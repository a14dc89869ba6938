using System.Collections.Concurrent;
using Briefings.Core.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Briefings.Core.Tests.Subscribers;

/// <summary>The real Core services over a temporary folder store, a settable clock and a transport that keeps what it is given.</summary>
internal sealed class SubscriptionHarness : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ServiceProvider _services;

    public SubscriptionHarness(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Briefings:Storage:DataPath"] = Path.Combine(_temp.Path, "store"),
            ["Briefings:Templates:Path"] = Fixtures.TemplateFolder,
            ["Briefings:Templates:PublicBaseUrl"] = "https://briefings.example",
            ["Briefings:Email:From"] = "Briefings <briefings@news.example>",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddBriefings();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IMailTransport>(Transport);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero));

    public RecordingTransport Transport { get; } = new();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose()
    {
        _services.Dispose();
        _temp.Dispose();
    }
}

/// <summary>Keeps every message it is given; can be told to fail.</summary>
internal sealed class RecordingTransport : IMailTransport
{
    public ConcurrentQueue<(MimeMessage Message, MailEnvelope Envelope)> Sent { get; } = new();

    /// <summary>Thrown (and cleared) by the next sends, in order.</summary>
    public ConcurrentQueue<Exception> Failures { get; } = new();

    public int Calls;

    public Task SendAsync(MimeMessage message, MailEnvelope envelope, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Calls);
        if (Failures.TryDequeue(out var failure))
        {
            throw failure;
        }

        Sent.Enqueue((message, envelope));
        return Task.CompletedTask;
    }
}
