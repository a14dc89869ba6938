using Briefings.Core.Rendering;
using Briefings.Integration.Tests.Infrastructure;
using Briefings.Local.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Briefings.Integration.Tests.Commands;

/// <summary>What the runner's command-line choices do to the links it writes.</summary>
public sealed class RunnerHostTests
{
    [Fact]
    public async Task LinksInEmailsAndTheFeedLeadToThePortTheRunnerServesOn()
    {
        var port = Repository.FreePort();
        await using var app = RunnerHost.Build(new RunnerSettings { DataPath = Repository.TempFolder("port"), Port = port, Background = false });
        await app.StartAsync();

        Assert.Equal($"http://localhost:{port}", app.Services.GetRequiredService<IOptions<TemplateOptions>>().Value.PublicBaseUrl);
        using var client = new HttpClient();
        Assert.True((await client.GetAsync($"http://localhost:{port}/openapi/v1.json")).IsSuccessStatusCode);
        await app.StopAsync();
    }

    [Fact]
    public void AConfiguredPublicAddressWins()
    {
        using var app = RunnerHost.Build(new RunnerSettings
        {
            DataPath = Repository.TempFolder("port"),
            Port = Repository.FreePort(),
            Background = false,
            Overrides = new Dictionary<string, string?> { ["Briefings:Templates:PublicBaseUrl"] = "https://news.example" },
        });

        Assert.Equal("https://news.example", app.Services.GetRequiredService<IOptions<TemplateOptions>>().Value.PublicBaseUrl);
    }
}
