using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Briefings.Core.Http;

/// <summary>
/// The errors no handler of the site's pages answers itself (an address that is no page, a
/// method a page does not take, an unhandled failure), for a reader's browser: an HTML page that
/// says what went wrong and leads back to the briefings, where a problem body in JSON would be
/// all a person sees. Requests under <c>/api</c> and clients that do not prefer HTML get the
/// problem body as before. Registered ahead of the default problem writer, which it defers to.
/// </summary>
public sealed class PageProblemWriter(ILogger<PageProblemWriter> logger) : IProblemDetailsWriter
{
    /// <summary>How much of a requested path an error page repeats.</summary>
    private const int PathShown = 120;

    public bool CanWrite(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        return !request.Path.StartsWithSegments("/" + BriefingsApi.Routes.Prefix, StringComparison.OrdinalIgnoreCase)
            && !request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
            && Representations.FromAccept(request.Headers.Accept) == Representation.Html;
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var pages = http.RequestServices.GetRequiredService<BriefingsPages>();
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var path = http.Request.Path.Value ?? "/";
        if (path.Length > PathShown)
        {
            path = path[..PathShown] + "…";
        }

        var notice = status switch
        {
            StatusCodes.Status404NotFound => $"There is no page at “{path}”.",
            StatusCodes.Status405MethodNotAllowed => $"The page at “{path}” cannot be asked for with {http.Request.Method}.",
            >= 500 => "Something went wrong on our side. Try again in a moment.",
            _ => context.ProblemDetails.Title ?? "The request could not be answered.",
        };

        string html;
        try
        {
            html = await pages.ErrorPageAsync(status, notice, http.RequestAborted);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            // The archive could not be read: the page still says what went wrong, without it.
            logger.LogWarning(e, "The archive could not be listed on the error page for {Path}.", path);
            html = pages.ErrorPage(status, notice);
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        foreach (var (name, value) in BriefingsPages.ErrorHeaders)
        {
            http.Response.Headers[name] = value;
        }

        await http.Response.WriteAsync(html, Encoding.UTF8, http.RequestAborted);
    }
}
