using Briefings.Core;
using Briefings.Core.Digests;
using Briefings.Core.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Briefings.Local.Http;

namespace Briefings.Local.Hosting;

/// <summary>Builds the runner: an ASP.NET Core app hosting the Core handlers.</summary>
public static class RunnerHost
{
    private const string PublicBaseUrlKey = BriefingsServiceCollectionExtensions.Section + ":Templates:PublicBaseUrl";

    public static WebApplication Build(RunnerSettings settings, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Configuration.AddInMemoryCollection(settings.ToConfiguration());
        var port = settings.Port ?? 5080;
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        if (port != 0 && string.IsNullOrEmpty(builder.Configuration[PublicBaseUrlKey]))
        {
            // Links in emails and the feed lead to where this runner serves unless configured to lead elsewhere.
            builder.Configuration.AddInMemoryCollection([new(PublicBaseUrlKey, $"http://localhost:{port}")]);
        }

        // A request is handled on the socket's own thread instead of being handed to the thread
        // pool and back: on two cores the hand-offs cost more than the handlers, which are short
        // and never block on a task (docs/performance.md, "Serving on the sockets' threads").
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
        builder.Services.AddBriefings();
        builder.Services.AddSingleton<IValidateOptions<DigestOptions>, ScheduleValidation>();
        // A reader's browser is shown a page for an address that is no page; the API keeps its
        // problem bodies. The writer goes first, and defers to the default one.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, PageProblemWriter>());
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(BriefingsServiceCollectionExtensions.Section);
        builder.Services.AddBriefingsOpenApi();
        if (settings.Background)
        {
            builder.Services.AddHostedService<InboxWatcher>();
            builder.Services.AddHostedService<DigestScheduler>();
        }

        var app = builder.Build();
        // What routing or the server answers with no body of its own (an unknown route, a method not
        // allowed, an unhandled error) says so in a problem body, as every handler's errors do.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapBriefingsApi();
        app.MapBriefingsPages();
        app.MapOpenApi();
        return app;
    }

    /// <summary>The address Kestrel actually listens on, once started.</summary>
    public static string Address(WebApplication app) =>
        app.Urls.FirstOrDefault() ?? throw new InvalidOperationException("The runner is not listening.");
}
