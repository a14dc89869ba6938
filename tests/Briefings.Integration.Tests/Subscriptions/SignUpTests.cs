using System.Net;
using System.Text;
using Briefings.Core.Subscribers;
using Briefings.Core.Subscribers.Tokens;
using Briefings.Integration.Tests.Infrastructure;

namespace Briefings.Integration.Tests.Subscriptions;

/// <summary>Sign-up, confirmation links and the unsubscribe page through the real runner and a real SMTP server.</summary>
public sealed class SignUpTests : IAsyncLifetime
{
    private const string Ada = "ada@example.com";
    private MailRunner _mail = null!;

    public async Task InitializeAsync() => _mail = await MailRunner.StartAsync();

    public async Task DisposeAsync() => await _mail.DisposeAsync();

    [Fact]
    public async Task SigningUpTwiceOrWithAKnownAddressAnswersByteForByteTheSame()
    {
        await _mail.Get<SubscriptionService>().AddConfirmedAsync("bob@example.com", "operator");

        var first = await Snapshot(await _mail.SubscribeAsync(Ada));
        var second = await Snapshot(await _mail.SubscribeAsync(Ada));
        var known = await Snapshot(await _mail.SubscribeAsync("bob@example.com"));

        Assert.Equal("202 application/json; charset=utf-8", first.Head);
        Assert.Equal(first, second);
        Assert.Equal(first, known);
        Assert.Single(_mail.Smtp.MessagesTo(Ada));
        Assert.Empty(_mail.Smtp.MessagesTo("bob@example.com"));
        Assert.Equal(SubscriberState.Pending, await _mail.StateOfAsync(Ada));
    }

    [Fact]
    public async Task AFormPostSignsUpAndAnswersWithAPage()
    {
        var response = await _mail.Client.PostAsync("/api/subscriptions", new FormUrlEncodedContent([new("email", " Ada@Example.com ")]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Check your inbox", await response.Content.ReadAsStringAsync());
        Assert.Equal(SubscriberState.Pending, await _mail.StateOfAsync(Ada));
        Assert.Single(_mail.Smtp.MessagesTo(Ada));
    }

    [Theory]
    [InlineData("{\"email\":\"not an address\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"email\":\"Ada <ada@example.com>\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"email\":", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("ada@example.com", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task ABadSignUpIsRefusedAndNothingIsStoredOrSent(string body, string contentType, HttpStatusCode expected)
    {
        var response = await _mail.Client.PostAsync("/api/subscriptions", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await _mail.StateOfAsync(Ada));
        Assert.Equal(0, _mail.Smtp.Count);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task AnOversizedSignUpIs413WhetherItsLengthIsGivenOrItComesInChunks(bool chunked, bool form)
    {
        var padding = new string(' ', 20_000);
        HttpContent content = form
            ? new StringContent($"email=ada%40example.com&pad={padding}", Encoding.UTF8, "application/x-www-form-urlencoded")
            : new StringContent($"{{\"email\":\"{Ada}\"{padding}}}", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/subscriptions") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;

        var response = await _mail.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(form ? "text/html" : "application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await _mail.StateOfAsync(Ada));
    }

    [Fact]
    public async Task ATamperedConfirmationLinkGetsA400PageAndChangesNothing()
    {
        await _mail.SubscribeAsync(Ada);
        var link = MailRunner.LinkIn(Assert.Single(_mail.Smtp.MessagesTo(Ada)), "confirm");
        var at = link.IndexOf("token=", StringComparison.Ordinal) + 20;
        var tampered = link[..at] + (link[at] == 'A' ? 'B' : 'A') + link[(at + 1)..];

        var response = await _mail.Client.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This link is not valid", await response.Content.ReadAsStringAsync());
        Assert.Equal(SubscriberState.Pending, await _mail.StateOfAsync(Ada));
    }

    [Fact]
    public async Task AnExpiredConfirmationLinkGetsA400PageAndChangesNothing()
    {
        await _mail.SubscribeAsync(Ada);
        var key = await _mail.Get<SigningKeys>().GetAsync();
        var expired = SubscriptionTokens.Issue(key, Subscriber.FromEmail(Ada).Id, SubscriptionAction.Confirm, DateTimeOffset.UtcNow.AddMinutes(-1));

        var response = await _mail.Client.GetAsync($"/api/subscriptions/confirm?token={expired}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This link has expired", await response.Content.ReadAsStringAsync());
        Assert.Equal(SubscriberState.Pending, await _mail.StateOfAsync(Ada));
    }

    [Fact]
    public async Task AConfirmationLinkCannotUnsubscribeAndAMissingTokenIsRefused()
    {
        await _mail.Get<SubscriptionService>().AddConfirmedAsync(Ada, "operator");
        var confirmToken = await _mail.Get<SubscriptionTokens>().IssueAsync(Subscriber.FromEmail(Ada).Id, SubscriptionAction.Confirm);

        var wrongAction = await _mail.Client.PostAsync($"/api/subscriptions/unsubscribe?token={confirmToken}", OneClick());
        var missing = await _mail.Client.PostAsync("/api/subscriptions/unsubscribe", OneClick());

        Assert.Equal(HttpStatusCode.BadRequest, wrongAction.StatusCode);
        Assert.Contains("This link is for something else", await wrongAction.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(SubscriberState.Confirmed, await _mail.StateOfAsync(Ada));
    }

    [Fact]
    public async Task OpeningTheUnsubscribeLinkShowsAButtonThatPostsAndChangesNothing()
    {
        await _mail.Get<SubscriptionService>().AddConfirmedAsync(Ada, "operator");
        var link = await _mail.Get<SubscriptionLinks>().UnsubscribeAsync(Subscriber.FromEmail(Ada).Id);
        var path = new Uri(link).PathAndQuery;

        var page = await _mail.Client.GetAsync(path);
        var again = await _mail.Client.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("<form method=\"post\"", html);
        Assert.Contains("name=\"List-Unsubscribe\" value=\"One-Click\"", html);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("form-action 'self'", policy); // the button posts to this page's own address, and nowhere else
        Assert.Contains("frame-ancestors 'none'", policy); // nor can another site frame the button to have it clicked
        Assert.Contains("default-src 'none'", policy);
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(page.Headers.GetValues("Referrer-Policy")));
        Assert.Equal(SubscriberState.Confirmed, await _mail.StateOfAsync(Ada));

        var noBody = await _mail.Client.PostAsync(path, new StringContent(""));
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        Assert.Equal(SubscriberState.Confirmed, await _mail.StateOfAsync(Ada));

        var pressed = await _mail.Client.PostAsync(path, OneClick());
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal(SubscriberState.Unsubscribed, await _mail.StateOfAsync(Ada));
    }

    private static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    private static async Task<(string Head, string Body)> Snapshot(HttpResponseMessage response) =>
        ($"{(int)response.StatusCode} {response.Content.Headers.ContentType}", Convert.ToHexString(await response.Content.ReadAsByteArrayAsync()));
}
