using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Briefings.Core.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Briefings.Integration.Tests.Infrastructure;

/// <summary>
/// The real runner sending through a real SMTP server, with the public base URL, keys and
/// retry timings tests want; over the folder store, or Azurite when a connection string is given.
/// </summary>
public sealed class MailRunner : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://briefings.example";
    public const string AdminKey = "admin-key-for-the-tests";

    private MailRunner(SmtpSink smtp, Runner runner)
    {
        Smtp = smtp;
        Runner = runner;
    }

    public SmtpSink Smtp { get; }

    public Runner Runner { get; }

    public HttpClient Client => Runner.Client;

    public IServiceProvider Services => Runner.Services;

    public static async Task<MailRunner> StartAsync(string? connectionString = null, IDictionary<string, string?>? settings = null)
    {
        var smtp = await SmtpSink.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["Briefings:Email:Smtp:Host"] = "127.0.0.1",
            ["Briefings:Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Briefings:Email:Smtp:Security"] = "None",
            ["Briefings:Email:From"] = "Briefings <briefings@news.example>",
            ["Briefings:Email:ReplyTo"] = "editors@news.example",
            ["Briefings:Email:RetryDelay"] = "00:00:00.020",
            ["Briefings:Templates:PublicBaseUrl"] = PublicBaseUrl,
            ["Briefings:AdminKey"] = AdminKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        try
        {
            return new MailRunner(smtp, await Runner.StartAsync(connectionString, values));
        }
        catch
        {
            await smtp.DisposeAsync();
            throw;
        }
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public Task<HttpResponseMessage> SubscribeAsync(string email) =>
        Client.PostAsJsonAsync("/api/subscriptions", new { email });

    public async Task<SubscriberState?> StateOfAsync(string email) =>
        (await Get<SubscriberStore>().GetAsync(Subscriber.FromEmail(email).Id))?.State;

    /// <summary>The link in a message's text part, as a path the runner serves (the public host is not this runner).</summary>
    public static string LinkIn(MimeMessage message, string action)
    {
        var match = Regex.Match(message.TextBody ?? "", $@"{Regex.Escape(PublicBaseUrl)}(/api/subscriptions/{action}\?token=[A-Za-z0-9_-]+)");
        Assert.True(match.Success, $"No {action} link in:\n{message.TextBody}");
        return match.Groups[1].Value;
    }

    public async ValueTask DisposeAsync()
    {
        await Runner.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
