using System.Text.Json;
using Briefings.Core.Json;
using Briefings.Core.Subscribers;
using Briefings.Core.Subscribers.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Briefings.Core.Http;

/// <summary>
/// Sign-up with double opt-in and one-click unsubscribe. Like <see cref="BriefingsApi"/>, every
/// handler returns an <see cref="IResult"/> that the runner and the Functions app both return.
/// </summary>
public static class SubscriptionsApi
{
    public static class Routes
    {
        public const string Subscribe = "subscriptions";
        public const string Confirm = "subscriptions/confirm";
        public const string Unsubscribe = "subscriptions/unsubscribe";
    }

    /// <summary>The body RFC 8058 one-click unsubscribe POSTs, which the page's button posts too.</summary>
    public const string OneClickField = "List-Unsubscribe";
    public const string OneClickValue = "One-Click";

    private const int MaxBodyBytes = 8 * 1024;

    private static readonly FormOptions FormLimits = new()
    {
        ValueCountLimit = 16,
        KeyLengthLimit = 64,
        ValueLengthLimit = 1024,
        MultipartBodyLengthLimit = MaxBodyBytes,
        MultipartHeadersLengthLimit = 4 * 1024,
    };

    /// <summary>
    /// <c>POST /api/subscriptions</c> with JSON <c>{"email"}</c> or a form field <c>email</c>. The answer
    /// is 202 with the same body whether the address is new, pending, confirmed or suppressed.
    /// </summary>
    public static async Task<IResult> SubscribeAsync(HttpRequest request, string client, SubscriptionRateLimiter limiter, SubscriptionService subscriptions, SubscriptionPages pages, CancellationToken cancellationToken)
    {
        var isForm = request.HasFormContentType;
        if (limiter.TryAcquire(client) is { } retryAfter)
        {
            return new TooManyRequestsResult(retryAfter, Answer(isForm, pages, StatusCodes.Status429TooManyRequests, "Too many requests.", "Too many sign-ups from this address; try again in a minute."));
        }

        if (!isForm && !request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send JSON or a form.", detail: "Use application/json {\"email\": \"…\"} or a form with an email field.");
        }

        // Read whole first, at most one byte past the limit, so a chunked body is judged as a sized one is.
        var body = request.ContentLength > MaxBodyBytes ? null : await ReadAtMostAsync(request.Body, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Answer(isForm, pages, StatusCodes.Status413PayloadTooLarge, "The request is too large.", "Send just the email address.");
        }

        string? email;
        try
        {
            request.Body = new MemoryStream(body, writable: false);
            email = isForm
                ? (await request.ReadFormAsync(FormLimits, cancellationToken))["email"].ToString()
                : JsonSerializer.Deserialize(body, BriefingsJsonContext.Default.SubscriptionRequest)?.Email;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or BadHttpRequestException)
        {
            return Answer(isForm, pages, StatusCodes.Status400BadRequest, "The request could not be read.", "Send JSON {\"email\": \"…\"} or a form with an email field.");
        }

        if (!EmailAddresses.TryNormalize(email, out var normalized))
        {
            return Answer(isForm, pages, StatusCodes.Status400BadRequest, "That is not an email address.", "Enter one address, such as name@example.com.");
        }

        await subscriptions.SubscribeAsync(normalized, cancellationToken);
        var accepted = SubscriptionAccepted.Instance;
        return isForm
            ? pages.Show(StatusCodes.Status202Accepted, "Check your inbox", accepted.Message)
            : TypedResults.Json(accepted, BriefingsJsonContext.Default.SubscriptionAccepted, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary><c>GET /api/subscriptions/confirm?token=…</c>: the link in the confirmation email.</summary>
    public static async Task<IResult> ConfirmAsync(string? token, SubscriptionTokens tokens, SubscriptionService subscriptions, SubscriptionPages pages, CancellationToken cancellationToken)
    {
        var check = await tokens.VerifyAsync(token, SubscriptionAction.Confirm, cancellationToken);
        if (!check.IsValid)
        {
            return Refused(pages, check.Problem!.Value, "Confirmation links expire some days after signing up. Sign up again to get a new one.");
        }

        return await subscriptions.ConfirmAsync(check.SubscriberId!, cancellationToken) switch
        {
            ConfirmOutcome.NotPending => pages.Show(StatusCodes.Status400BadRequest, "This link can no longer be used",
                "The subscription it confirms has ended since the link was sent. Sign up again to receive the briefing."),
            _ => pages.Show(StatusCodes.Status200OK, "You are subscribed",
                "Thank you for confirming. The briefing arrives every morning, and every one has a link to unsubscribe."),
        };
    }

    /// <summary><c>GET /api/subscriptions/unsubscribe?token=…</c>: a page with a button, and nothing changes (mail scanners follow links).</summary>
    public static async Task<IResult> ShowUnsubscribeAsync(string? token, SubscriptionTokens tokens, SubscriptionPages pages, CancellationToken cancellationToken)
    {
        var check = await tokens.VerifyAsync(token, SubscriptionAction.Unsubscribe, cancellationToken);
        if (!check.IsValid)
        {
            return Refused(pages, check.Problem!.Value, "Use the unsubscribe link in a recent briefing.");
        }

        return pages.Show(StatusCodes.Status200OK, "Unsubscribe from Briefings?", "Press the button to stop receiving the daily briefing.",
            new PageForm($"?token={Uri.EscapeDataString(token!)}", "Unsubscribe", OneClickField, OneClickValue));
    }

    /// <summary>
    /// <c>POST /api/subscriptions/unsubscribe?token=…</c> with <c>List-Unsubscribe=One-Click</c> (RFC 8058):
    /// unsubscribes at once, no login, no confirmation step.
    /// </summary>
    public static async Task<IResult> UnsubscribeAsync(HttpRequest request, string? token, SubscriptionTokens tokens, SubscriptionService subscriptions, SubscriptionPages pages, CancellationToken cancellationToken)
    {
        var check = await tokens.VerifyAsync(token, SubscriptionAction.Unsubscribe, cancellationToken);
        if (!check.IsValid)
        {
            return Refused(pages, check.Problem!.Value, "Use the unsubscribe link in a recent briefing.");
        }

        var oneClick = false;
        if (request.HasFormContentType && request.ContentLength is null or <= MaxBodyBytes)
        {
            try
            {
                var form = await request.ReadFormAsync(FormLimits, cancellationToken);
                oneClick = form[OneClickField].ToString() == OneClickValue;
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                oneClick = false;
            }
        }

        if (!oneClick)
        {
            return pages.Show(StatusCodes.Status400BadRequest, "Nothing was changed", $"An unsubscribe request carries {OneClickField}={OneClickValue} in a form body.");
        }

        await subscriptions.UnsubscribeAsync(check.SubscriberId!, "one-click unsubscribe", cancellationToken);
        return pages.Show(StatusCodes.Status200OK, "You are unsubscribed", "You will receive no more briefings. You can sign up again at any time.");
    }

    private static IResult Refused(SubscriptionPages pages, TokenProblem problem, string expiredAdvice) => problem switch
    {
        TokenProblem.Expired => pages.Show(StatusCodes.Status400BadRequest, "This link has expired", expiredAdvice),
        TokenProblem.WrongAction => pages.Show(StatusCodes.Status400BadRequest, "This link is for something else",
            "It is a genuine link, but not for this page. Use the link exactly as it appears in the email."),
        _ => pages.Show(StatusCodes.Status400BadRequest, "This link is not valid",
            "It may have been cut short or changed when it was copied. Use the link exactly as it appears in the email."),
    };

    private static IResult Answer(bool isForm, SubscriptionPages pages, int statusCode, string title, string detail) =>
        isForm ? pages.Show(statusCode, title, detail) : TypedResults.Problem(statusCode: statusCode, title: title, detail: detail);

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > limit ? null : buffer[..length];
    }
}
