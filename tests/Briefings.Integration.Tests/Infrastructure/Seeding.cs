using Briefings.Core.Articles;
using Briefings.Core.Digests;
using Briefings.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Integration.Tests.Infrastructure;

/// <summary>Puts the seed articles through the real ingest and builds today's digest.</summary>
public static class Seeding
{
    public static async Task<DigestRunResult> IngestSeedsAndBuildAsync(IServiceProvider services, bool send)
    {
        var store = services.GetRequiredService<IBlobStore>();
        var ingest = services.GetRequiredService<IngestHandler>();
        foreach (var file in Directory.GetFiles(Repository.Seeds).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            await store.PutAsync(Containers.Inbox, name, await File.ReadAllBytesAsync(file));
            var outcome = await ingest.IngestAsync(name);
            Assert.Equal(IngestStatus.Ingested, outcome.Status);
        }

        var today = services.GetRequiredService<DigestClock>().Today;
        return await services.GetRequiredService<DigestHandler>().BuildAsync(today, send);
    }

    /// <summary>Builds each day from whatever articles it has (none, for days the seeds are not on).</summary>
    public static async Task BuildDaysAsync(IServiceProvider services, params DateOnly[] days)
    {
        foreach (var day in days)
        {
            await services.GetRequiredService<DigestHandler>().BuildAsync(day, send: false);
        }
    }

    public static DateOnly Today(IServiceProvider services) => services.GetRequiredService<DigestClock>().Today;
}
