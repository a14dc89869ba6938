using System.Net;
using System.Net.Http.Json;
using Briefings.Core.Delivery;
using Briefings.Core.Digests;
using Briefings.Core.Subscribers;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Integration.Tests.Delivery;

/// <summary>What a real SMTP server answers, and what becomes of it: retries, suppression, the day's report.</summary>
public sealed class SmtpFailureTests : IAsyncLifetime
{
    private MailRunner _mail = null!;
    private DateOnly _day;

    public async Task InitializeAsync()
    {
        _mail = await MailRunner.StartAsync(settings: new Dictionary<string, string?> { ["Briefings:Email:MaxParallelism"] = "2" });
        _day = (await Seeding.IngestSeedsAndBuildAsync(_mail.Services, send: false)).Date;
    }

    public async Task DisposeAsync() => await _mail.DisposeAsync();

    /// <summary>A second runner on this test's store, sending through the SMTP port given, two messages at a time, with the email settings given.</summary>
    private Task<Runner> SenderOnThisStoreAsync(int smtpPort, params (string Name, string Value)[] email)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Briefings:Storage:DataPath"] = _mail.Runner.Folder,
            ["Briefings:Email:Smtp:Host"] = "127.0.0.1",
            ["Briefings:Email:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Briefings:Email:Smtp:Security"] = "None",
            ["Briefings:Email:From"] = "Briefings <briefings@news.example>",
            ["Briefings:Email:MaxParallelism"] = "2",
        };
        foreach (var (name, value) in email)
        {
            settings[$"Briefings:Email:{name}"] = value;
        }

        return Runner.StartAsync(settings: settings);
    }

    private Task AddAsync(params string[] addresses) =>
        Task.WhenAll(addresses.Select(a => _mail.Get<SubscriptionService>().AddConfirmedAsync(a, "operator")));

    [Fact]
    public async Task ARecipientAnswered451ThenAcceptedIsDeliveredOnceAfterARetry()
    {
        await AddAsync("flaky2-ada@example.com", "bob@example.com");

        var run = await _mail.Get<DeliveryHandler>().SendAsync(_day);

        Assert.Equal(2, run.Sent);
        Assert.Equal(1, run.Retried);
        Assert.Single(_mail.Smtp.MessagesTo("flaky2-ada@example.com"));
        Assert.Equal(SubscriberState.Confirmed, await _mail.StateOfAsync("flaky2-ada@example.com"));
    }

    [Fact]
    public async Task ADroppedConnectionIsRetriedOnAFreshOne()
    {
        await AddAsync("drop-ada@example.com");

        var run = await _mail.Get<DeliveryHandler>().SendAsync(_day);

        Assert.Equal((1, 1), (run.Sent, run.Retried));
        Assert.Single(_mail.Smtp.MessagesTo("drop-ada@example.com"));
    }

    [Fact]
    public async Task ARecipientThatStaysBusyFailsForTheDayAndIsNotSuppressed()
    {
        await AddAsync("busy-ada@example.com");

        var run = await _mail.Get<DeliveryHandler>().SendAsync(_day);
        var report = await _mail.Get<DeliveryReports>().BuildAsync(_day);

        Assert.Equal(1, run.Failed);
        Assert.Empty(run.Suppressed);
        Assert.Equal(SubscriberState.Confirmed, await _mail.StateOfAsync("busy-ada@example.com"));
        var line = Assert.Single(report.Subscribers);
        Assert.Equal(DeliveryOutcome.Failed, line.Outcome);
        Assert.Contains("451", line.Reason);
        Assert.Contains("the next run tries again", line.Reason);
    }

    [Fact]
    public async Task ARecipientRefusedWith550IsSuppressedReportedAndNeverTriedAgain()
    {
        await AddAsync("reject-ada@example.com", "bob@example.com");

        var run = await _mail.Get<DeliveryHandler>().SendAsync(_day);
        await Seeding.IngestLibraryOnAsync(_mail.Services, _day.AddDays(1));
        var nextDay = await _mail.Get<DigestHandler>().BuildAsync(_day.AddDays(1), send: true);
        var report = await _mail.Get<DeliveryReports>().BuildAsync(_day);
        var nextReport = await _mail.Get<DeliveryReports>().BuildAsync(_day.AddDays(1));

        Assert.Equal((1, 1), (run.Sent, run.Failed));
        Assert.Equal(["reject-ada@example.com"], run.Suppressed);
        Assert.Contains("550", Assert.Single(run.Errors));
        Assert.Equal(SubscriberState.Suppressed, await _mail.StateOfAsync("reject-ada@example.com"));
        Assert.Contains("suppressed", report.Subscribers.Single(l => l.Email == "reject-ada@example.com").Reason);
        Assert.Equal((1, 0), (nextDay.Delivery!.Sent, nextDay.Delivery.Failed));
        var skipped = nextReport.Subscribers.Single(l => l.Email == "reject-ada@example.com");
        Assert.Equal(DeliveryOutcome.Skipped, skipped.Outcome);
        Assert.StartsWith("suppressed: ", skipped.Reason);
        Assert.Contains("550", skipped.Reason);
    }

    [Fact]
    public async Task ARefusalThatDoesNotNameTheAddressAsDeadFailsTheDayWithoutSuppressing()
    {
        await AddAsync("relay-ada@example.com", "full-cy@example.com", "bob@example.com");

        var run = await _mail.Get<DeliveryHandler>().SendAsync(_day);
        var report = await _mail.Get<DeliveryReports>().BuildAsync(_day);

        Assert.Equal((1, 2), (run.Sent, run.Failed));
        Assert.Empty(run.Suppressed);
        Assert.Equal(SubscriberState.Confirmed, await _mail.StateOfAsync("relay-ada@example.com"));
        Assert.Equal(SubscriberState.Confirmed, await _mail.StateOfAsync("full-cy@example.com"));
        Assert.Contains("554 5.7.1", report.Subscribers.Single(l => l.Email == "relay-ada@example.com").Reason);
        Assert.Contains("552 5.2.2", report.Subscribers.Single(l => l.Email == "full-cy@example.com").Reason);
    }

    [Fact]
    public async Task ADayWithoutStoriesIsPublishedButEmailedToNoOne()
    {
        await AddAsync("ada@example.com");
        var empty = _day.AddDays(1);

        var built = await _mail.Get<DigestHandler>().BuildAsync(empty, send: true);
        var again = await _mail.Get<DeliveryHandler>().SendAsync(empty);
        var report = await _mail.Get<DeliveryReports>().BuildAsync(empty);

        Assert.Equal(0, built.Stories);
        Assert.Equal((0, 0, 0), (built.Delivery!.Sent, built.Delivery.Failed, built.Delivery.Skipped));
        Assert.Equal(DeliveryHandler.EmptyDay, built.Delivery.Withheld);
        Assert.Equal(DeliveryHandler.EmptyDay, again.Withheld);
        Assert.Empty(_mail.Smtp.MessagesTo("ada@example.com"));
        var line = Assert.Single(report.Subscribers);
        Assert.Equal((DeliveryOutcome.Skipped, DeliveryHandler.EmptyDay), (line.Outcome, line.Reason));
        Assert.True(report.DigestExists);
    }

    [Fact]
    public async Task AMailServerThatCannotBeReachedStopsTheRunAndTheNextRunSendsToEveryoneOnce()
    {
        var readers = Enumerable.Range(1, 12).Select(i => $"reader{i:00}@example.com").ToArray();
        await AddAsync(readers);
        // A second runner on the same store whose mail server is down: nothing listens on its port.
        await using var down = await SenderOnThisStoreAsync(Repository.FreePort(), ("RetryDelay", "00:00:00.020"));

        var stopped = await down.Services.GetRequiredService<DeliveryHandler>().SendAsync(_day);
        var between = await _mail.Get<DeliveryReports>().BuildAsync(_day);
        var resumed = await _mail.Get<DeliveryHandler>().SendAsync(_day);

        Assert.NotNull(stopped.Stopped);
        Assert.Contains("could not be reached", stopped.Stopped);
        Assert.Equal(0, stopped.Sent);
        // The two senders in flight when the server was found down, and at most one more each had
        // begun as it was found: not all twelve.
        Assert.InRange(stopped.Failed, 1, 4);
        Assert.True(between.NotSent >= 8, $"{between.NotSent} not sent");
        Assert.All(between.Subscribers.Where(l => l.Outcome == DeliveryOutcome.Failed), l => Assert.Equal(1, l.Attempts));
        Assert.Null(resumed.Stopped);
        Assert.Equal(12, resumed.Sent);
        Assert.All(readers, r => Assert.Single(_mail.Smtp.MessagesTo(r)));
    }

    [Fact]
    public async Task AMailServerThatNeverGreetsStopsTheRunLikeOneThatRefuses()
    {
        await AddAsync(Enumerable.Range(1, 8).Select(i => $"reader{i}@example.com").ToArray());
        // Accepts connections and says nothing: the SMTP greeting never comes.
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start(backlog: 64);
        await using var down = await SenderOnThisStoreAsync(((IPEndPoint)silent.LocalEndpoint).Port, ("SendTimeout", "00:00:00.300"), ("Retries", "0"));

        var stopped = await down.Services.GetRequiredService<DeliveryHandler>().SendAsync(_day);

        Assert.NotNull(stopped.Stopped);
        Assert.Contains("did not answer", stopped.Stopped);
        Assert.InRange(stopped.Failed, 1, 4); // as above: the senders in flight, not all eight
    }

    [Fact]
    public async Task ManyMessagesTravelOverAFewReusedConnections()
    {
        await AddAsync(Enumerable.Range(1, 12).Select(i => $"reader{i:00}@example.com").ToArray());

        var run = await _mail.Get<DeliveryHandler>().SendAsync(_day);

        Assert.Equal(12, run.Sent);
        Assert.Equal(12, _mail.Smtp.Count);
        Assert.InRange(_mail.Smtp.Connections(), 1, 2);
    }

    [Fact]
    public async Task TheDayReportOverHttpNeedsTheAdminKey()
    {
        await AddAsync("bob@example.com", "reject-ada@example.com");
        await _mail.Get<SubscriptionService>().SubscribeAsync("pending@example.com");
        await _mail.Get<DeliveryHandler>().SendAsync(_day);
        var path = $"/api/deliveries/{_day:yyyy-MM-dd}";

        var none = await _mail.Client.GetAsync(path);
        var wrong = await GetWithKeyAsync(path, MailRunner.AdminKey + "x");
        var right = await GetWithKeyAsync(path, MailRunner.AdminKey);
        var badDate = await GetWithKeyAsync("/api/deliveries/yesterday", MailRunner.AdminKey);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var report = await right.Content.ReadFromJsonAsync<DeliveryDayReport>(Briefings.Core.Json.BriefingsJsonContext.Default.DeliveryDayReport);
        Assert.Equal((1, 1, 1), (report!.Sent, report.Failed, report.Skipped));
        Assert.Equal("waiting for confirmation", report.Subscribers.Single(l => l.Email == "pending@example.com").Reason);
    }

    [Fact]
    public async Task WithNoAdminKeyConfiguredTheReportIsClosedToEveryone()
    {
        await using var closed = await MailRunner.StartAsync(settings: new Dictionary<string, string?> { ["Briefings:AdminKey"] = "" });

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/deliveries/{_day:yyyy-MM-dd}");
        request.Headers.Add("x-functions-key", "");
        var response = await closed.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> GetWithKeyAsync(string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-functions-key", key);
        return _mail.Client.SendAsync(request);
    }
}
