using System.Text;
using Briefings.Core.Rendering;
using Microsoft.AspNetCore.Http;

namespace Briefings.Core.Http;

/// <summary>A form on a page: a button that POSTs one field.</summary>
public sealed record PageForm(string Action, string Button, string FieldName, string FieldValue);

/// <summary>What the page template sees.</summary>
public sealed record PageView(string Title, string Message, bool Ok, PageForm? Form);

/// <summary>The small HTML pages of the subscription flow, rendered from <c>templates/subscriptions/page.html.sbn</c>.</summary>
public sealed class SubscriptionPages(TemplateRenderer renderer)
{
    public const string Template = "subscriptions/page.html.sbn";

    public IResult Show(int statusCode, string title, string message, PageForm? form = null) =>
        new NoStoreResult(TypedResults.Content(
            renderer.Render(Template, new { page = new PageView(title, message, statusCode < 400, form) }),
            "text/html; charset=utf-8",
            Encoding.UTF8,
            statusCode));

    /// <summary>Pages that carry tokens must not be cached or indexed.</summary>
    private sealed class NoStoreResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.Headers["X-Robots-Tag"] = "noindex";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
