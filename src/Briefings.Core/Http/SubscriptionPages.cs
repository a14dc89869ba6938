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
        new TokenPageResult(TypedResults.Content(
            renderer.Render(Template, new { page = new PageView(title, message, statusCode < 400, form) }),
            "text/html; charset=utf-8",
            Encoding.UTF8,
            statusCode), PolicyFor(form));

    /// <summary>
    /// The briefing pages' policy (no script, nothing loaded from elsewhere, no framing, so the
    /// unsubscribe button cannot be clicked through someone else's page), but for the one place
    /// the page's form may post to.
    /// </summary>
    internal static string PolicyFor(PageForm? form) => form is null
        ? BriefingsPages.ContentSecurityPolicy
        : BriefingsPages.ContentSecurityPolicyPosting(Uri.TryCreate(form.Action, UriKind.Absolute, out var action) ? action.GetLeftPart(UriPartial.Authority) : "'self'");

    /// <summary>Pages that carry tokens must not be cached, indexed, framed or leak their address.</summary>
    private sealed class TokenPageResult(IResult inner, string policy) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers["X-Robots-Tag"] = "noindex";
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = policy;
            headers["Referrer-Policy"] = "no-referrer";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
