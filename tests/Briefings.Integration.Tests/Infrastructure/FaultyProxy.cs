using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Briefings.Integration.Tests.Infrastructure;

/// <summary>
/// A reverse proxy on loopback that forwards to a storage endpoint but fails a share of requests:
/// half of the failures answer 500 or 503 without forwarding, the other half drop the connection
/// (before forwarding, or after the upstream has already done the work). Counts what it did.
/// </summary>
public sealed class FaultyProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Host" };
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private int _forwarded;
    private int _errors;
    private int _resets;

    private FaultyProxy(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public int Forwarded => _forwarded;

    public int Errors => _errors;

    public int Resets => _resets;

    public static async Task<FaultyProxy> StartAsync(int upstreamPort, double failureRate, int seed = 8)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new FaultyProxy(app);
        var random = new Random(seed);
        app.Run(async context =>
        {
            double roll;
            lock (random)
            {
                roll = random.NextDouble();
            }

            if (roll < failureRate / 2)
            {
                Interlocked.Increment(ref proxy._errors);
                context.Response.StatusCode = roll < failureRate / 4 ? 500 : 503;
                return;
            }

            var resetBefore = roll < failureRate * 3 / 4;
            if (roll < failureRate && resetBefore)
            {
                Interlocked.Increment(ref proxy._resets);
                context.Abort();
                return;
            }

            await proxy.ForwardAsync(context, upstreamPort, resetAfter: roll < failureRate);
        });
        await app.StartAsync();
        proxy.Port = new Uri(app.Urls.First()).Port;
        return proxy;
    }

    /// <summary>The Azurite connection string, pointed at the proxy.</summary>
    public string ConnectionString(Azurite azurite) => azurite.ConnectionString.Replace($":{azurite.Port}/", $":{Port}/", StringComparison.Ordinal);

    private async Task ForwardAsync(HttpContext context, int upstreamPort, bool resetAfter)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), $"http://127.0.0.1:{upstreamPort}{context.Request.Path}{context.Request.QueryString}");
        var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        if (body.Length > 0 || context.Request.ContentLength is not null)
        {
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopHeaders.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await _upstream.SendAsync(request, context.RequestAborted);
        Interlocked.Increment(ref _forwarded);
        if (resetAfter)
        {
            Interlocked.Increment(ref _resets);
            context.Abort(); // the work is done upstream, but the client never hears of it
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
