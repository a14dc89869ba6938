using Briefings.Integration.Tests.Infrastructure;
using Briefings.Local.Commands;
using Microsoft.Extensions.Options;

namespace Briefings.Integration.Tests.Hosting;

/// <summary>
/// A setting that would fail the service hours later (every email's links, the schedule, every
/// page) stops the runner as it starts, and the operator is told which setting and why in a line.
/// </summary>
public sealed class SettingsAtStartTests
{
    [Theory]
    [InlineData("Briefings:Templates:PublicBaseUrl", "not a url", "Briefings:Templates:PublicBaseUrl must be the site's absolute http or https address, such as https://briefings.example; it is \"not a url\".")]
    [InlineData("Briefings:Templates:PublicBaseUrl", "ftp://briefings.example", "Briefings:Templates:PublicBaseUrl must be the site's absolute http or https address")]
    [InlineData("Briefings:Templates:Path", "/no/such/templates", "Briefings:Templates:Path names no folder: \"/no/such/templates\".")]
    [InlineData("Briefings:Email:From", "not an address", "Briefings:Email:From must be an email address, such as \"Briefings <news@example.com>\"; it is \"not an address\".")]
    [InlineData("Briefings:Email:ReplyTo", "desk at example.com", "Briefings:Email:ReplyTo must be an email address")]
    [InlineData("Briefings:Digest:TimeZone", "Mars/Olympus", "Briefings:Digest:TimeZone must be a time zone this machine knows")]
    [InlineData("Briefings:Digest:Schedule", "0 6 * * *", "Briefings:Digest:Schedule must be NCRONTAB with seconds, such as \"0 0 6 * * *\" (06:00 every day); \"0 6 * * *\" is not:")]
    [InlineData("Briefings:Digest:Schedule", "0 0 6 31 2 *", "Briefings:Digest:Schedule \"0 0 6 31 2 *\" does not come round within a year, so no briefing would be built.")]
    [InlineData("Briefings:Email:MaxParallelism", "0", "Briefings:Email:MaxParallelism: The field MaxParallelism must be between 1 and 32.")]
    [InlineData("Briefings:Email:Smtp:Security", "tls please", "Briefings:Email:Smtp:Security must be Auto, None, SslOnConnect, StartTls or StartTlsWhenAvailable; it is \"tls please\".")]
    [InlineData("Briefings:Email:Smtp:Port", "0", "Briefings:Email:Smtp:Port: The field Port must be between 1 and 65535.")]
    [InlineData("Briefings:Subscriptions:SigningKey", "too-short", "Briefings:Subscriptions:SigningKey must be at least 32 characters (it has 9), or empty to have one generated")]
    public async Task ASettingThatCannotWorkStopsTheRunnerAtStartNamingIt(string key, string value, string told)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => Runner.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));

        Assert.StartsWith(told, OperatorErrors.Explain(error));
    }

    [Fact]
    public async Task TheDefaultsAndAnOrdinaryConfigurationStart()
    {
        await using var runner = await Runner.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Briefings:Templates:PublicBaseUrl"] = "https://briefings.example/news",
            ["Briefings:Email:From"] = "Morning Desk <desk@news.example>",
            ["Briefings:Email:ReplyTo"] = "editors@news.example",
            ["Briefings:Digest:TimeZone"] = "Europe/Paris",
            ["Briefings:Digest:Schedule"] = "0 30 5 * * 1-5",
            ["Briefings:Subscriptions:SigningKey"] = "", // as local.settings.json.example leaves it: a key is generated
        });

        Assert.True((await runner.Client.GetAsync("/api/briefings")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task AOneShotCommandChecksTheSettingsAsServeDoesAndSaysWhatIsWrongInALine()
    {
        var data = Repository.TempFolder("settings-cli");
        await using var report = ChildProcess.Start("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "briefings.dll"), "report", "--data", data],
            environment: new Dictionary<string, string> { ["Briefings__Digest__TimeZone"] = "Mars/Base" });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await report.Process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, report.Process.ExitCode);
        Assert.Equal(
            "briefings: Briefings:Digest:TimeZone must be a time zone this machine knows, such as \"UTC\" or \"Europe/Paris\"; it is \"Mars/Base\".",
            report.Output.Trim()); // that line alone: no stack trace
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public void AFaultThatIsNoOperatorsMistakeIsNotExplainedAway()
    {
        Assert.Null(OperatorErrors.Explain(new InvalidOperationException("a bug")));
        Assert.Null(OperatorErrors.Explain(new NullReferenceException()));
        Assert.Equal("Could not find file '/x'.", OperatorErrors.Explain(new FileNotFoundException("Could not find file '/x'.")));
        Assert.Equal("Could not find file '/x'.", OperatorErrors.Explain(new AggregateException(new FileNotFoundException("Could not find file '/x'."))));
        Assert.Equal( // a client that retried: its last attempt's error
            "The storage could not be reached: Connection refused (127.0.0.1:1)",
            OperatorErrors.Explain(new AggregateException(new HttpRequestException("Name or service not known"), new HttpRequestException("Connection refused (127.0.0.1:1)\nmore"))));
    }
}
