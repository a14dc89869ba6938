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

    /// <summary>A report of its own story, unrelated to the seeds, for a day to gain after it was first built.</summary>
    public const string Library = """
        City library reopens after flood repairs

        The central library in Riverton reopened its doors on Saturday after eight months of repairs to the reading rooms damaged when the river burst its banks last winter.

        Librarians said the restored children's wing, the new lift and the rebuilt archive of local newspapers were the work of volunteers and a grant from the regional council.

        Visitors queued from early morning, and the first book borrowed was a guide to gardening.
        """;

    /// <summary>Puts a text article through the real ingest.</summary>
    public static async Task IngestTextAsync(IServiceProvider services, string name, string text)
    {
        await services.GetRequiredService<IBlobStore>().PutAsync(Containers.Inbox, name, System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Equal(IngestStatus.Ingested, (await services.GetRequiredService<IngestHandler>().IngestAsync(name)).Status);
    }

    /// <summary>Puts <see cref="Library"/> through the real ingest as a report published at noon (UTC) on <paramref name="day"/>.</summary>
    public static Task IngestLibraryOnAsync(IServiceProvider services, DateOnly day) =>
        IngestTextAsync(services, $"library-{day:yyyy-MM-dd}.json", System.Text.Json.JsonSerializer.Serialize(new
        {
            title = "City library reopens after flood repairs",
            published = new DateTimeOffset(day, new TimeOnly(12, 0), TimeSpan.Zero),
            body = Library,
        }));

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
