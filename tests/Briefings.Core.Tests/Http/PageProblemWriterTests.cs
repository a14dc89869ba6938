using Briefings.Core.Digests;
using Briefings.Core.Http;
using Briefings.Core.Rendering;
using Briefings.Core.Storage;
using Briefings.Core.Tests.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Briefings.Core.Tests.Http;

/// <summary>An error no page handler answers is shown to a reader's browser as a page; the API and other clients keep problem bodies.</summary>
public sealed class PageProblemWriterTests : IDisposable
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static readonly DateOnly Day = new(2026, 11, 21);

    private readonly TempFolder _templates = new();
    private readonly TempFolder _store = new();
    private readonly PageProblemWriter _writer = new(NullLogger<PageProblemWriter>.Instance);
    private bool _storeDown;

    public PageProblemWriterTests() => Fixtures.CopyTemplatesTo(_templates.Path);

    public void Dispose()
    {
        _templates.Dispose();
        _store.Dispose();
    }

    [Theory]
    [InlineData("/briefing", BrowserAccept, true)]
    [InlineData("/briefings/2026-11-21/nope", "text/html", true)]
    [InlineData("/briefing", "application/json", false)]
    [InlineData("/briefing", "*/*", false)]
    [InlineData("/briefing", null, false)]
    [InlineData("/api/briefings/nope", BrowserAccept, false)]
    [InlineData("/API/nope", BrowserAccept, false)]
    [InlineData("/openapi/v1.json", BrowserAccept, false)]
    public void APageIsWrittenOnlyForABrowserOutsideTheApi(string path, string? accept, bool expected)
    {
        var context = Context(path, accept, StatusCodes.Status404NotFound);

        Assert.Equal(expected, _writer.CanWrite(context));
    }

    [Fact]
    public async Task AnAddressThatIsNoPageSaysSoAndListsTheBriefings()
    {
        var digests = await StoreWithADayAsync();

        var (body, response) = await WriteAsync(digests, "/briefing", StatusCodes.Status404NotFound);

        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Equal("no-cache", response.Headers.CacheControl);
        Assert.StartsWith("default-src 'none'", response.Headers.ContentSecurityPolicy.ToString());
        Assert.Contains("<title>Briefings — Not found</title>", body);
        Assert.Contains("There is no page at “/briefing”.", body);
        Assert.Contains("href=\"/briefings/2026-11-21\"", body);
    }

    [Fact]
    public async Task AServerErrorReadsNothingAndListsNoDays()
    {
        var digests = await StoreWithADayAsync();
        _storeDown = true; // a read would throw

        var (body, _) = await WriteAsync(digests, "/", StatusCodes.Status500InternalServerError);

        Assert.Contains("<title>Briefings — Something went wrong</title>", body);
        Assert.Contains("Something went wrong on our side.", body);
        Assert.DoesNotContain("No briefings have been built yet.", body);
        Assert.DoesNotContain("2026-11-21", body);
    }

    [Fact]
    public async Task AnArchiveThatCannotBeReadStillLeavesThePageSayingWhatWentWrong()
    {
        var digests = await StoreWithADayAsync();
        _storeDown = true;

        var (body, _) = await WriteAsync(digests, "/briefing", StatusCodes.Status404NotFound);

        Assert.Contains("There is no page at “/briefing”.", body);
        Assert.Contains("href=\"/briefings\"", body); // the way on to the archive
        Assert.DoesNotContain("No briefings have been built yet.", body);
    }

    [Fact]
    public async Task AMethodAPageDoesNotTakeIsNamedAndAHostilePathIsEscapedAndCut()
    {
        var digests = await StoreWithADayAsync();
        var hostile = "/<script>alert(1)</script>" + new string('x', 300);

        var (body, _) = await WriteAsync(digests, hostile, StatusCodes.Status405MethodNotAllowed, method: "DELETE");

        Assert.Contains("cannot be asked for with DELETE", body);
        Assert.DoesNotContain("<script>", body);
        Assert.Contains("&lt;script&gt;", body);
        Assert.DoesNotContain(new string('x', 200), body);
    }

    private async Task<DigestStore> StoreWithADayAsync()
    {
        var digests = new DigestStore(new BreakableStore(new FileBlobStore(_store.Path), () => _storeDown));
        await digests.SaveAsync(new Digest(Day, Fixtures.Noon, 0, []), new Dictionary<RenderFormat, string>());
        return digests;
    }

    private async Task<(string Body, HttpResponse Response)> WriteAsync(DigestStore digests, string path, int status, string method = "GET")
    {
        var options = new TemplateOptions { Path = _templates.Path };
        var renderer = new DigestRenderer(new TemplateLibrary(options), options);
        var services = new ServiceCollection()
            .AddSingleton(new BriefingsPages(digests, new DigestArchive(digests), renderer))
            .BuildServiceProvider();
        var context = Context(path, BrowserAccept, status, method);
        context.HttpContext.RequestServices = services;
        using var body = new MemoryStream();
        context.HttpContext.Response.Body = body;

        await _writer.WriteAsync(context);

        return (System.Text.Encoding.UTF8.GetString(body.ToArray()), context.HttpContext.Response);
    }

    private static ProblemDetailsContext Context(string path, string? accept, int status, string method = "GET")
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Path = path;
        if (accept is not null)
        {
            http.Request.Headers.Accept = accept;
        }

        http.Response.StatusCode = status;
        return new ProblemDetailsContext { HttpContext = http, ProblemDetails = new ProblemDetails { Status = status } };
    }

    private sealed class BreakableStore(IBlobStore inner, Func<bool> down) : DelegatingBlobStore(inner)
    {
        public override Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default) =>
            down() ? throw new IOException("The store is down.") : base.GetAsync(container, name, cancellationToken);

        public override IAsyncEnumerable<BlobEntry> ListAsync(string container, string prefix = "", CancellationToken cancellationToken = default) =>
            down() ? throw new IOException("The store is down.") : base.ListAsync(container, prefix, cancellationToken);
    }
}
