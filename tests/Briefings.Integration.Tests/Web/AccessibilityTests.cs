using System.Text.Json;
using Briefings.Core.Subscribers;
using Briefings.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Briefings.Integration.Tests.Web;

/// <summary>
/// What readers see, checked by axe-core in headless Chromium (driven by playwright-core, both
/// pinned in package.json): the pages, an error page, the subscription pages and both emails, in
/// light and dark colour schemes at 320 px (WCAG's reflow width) and a desktop's width, against
/// WCAG 2.2 A and AA, axe's best practices, AAA's enhanced contrast, and no page wider than its
/// window; and the briefing and a story printed from a dark scheme, dark on white and whole.
/// </summary>
public sealed class AccessibilityTests : IAsyncLifetime
{
    private const string Reader = "reader@example.com";
    private const string LongWord = "Rindfleischetikettierungsueberwachungsaufgabenuebertragungsgesetz";
    private const string LongAddress = "https://council.example/minutes/2026/the-full-text-of-the-act-as-passed-on-tuesday-evening.pdf";

    private Runner _runner = null!;
    private readonly string _work = Repository.TempFolder("accessibility");

    public async Task InitializeAsync() =>
        _runner = await Runner.StartAsync(settings: new Dictionary<string, string?> { ["Briefings:Email:Subscribers:0"] = Reader });

    public async Task DisposeAsync()
    {
        await _runner.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task WhatReadersSeeHasNoAccessibilityViolation()
    {
        // Words no line can hold (a compound, an address) must wrap rather than widen a phone's page.
        await Seeding.IngestTextAsync(_runner.Services, "long-words.txt", $$"""
            Council passes the {{LongWord}} at last

            The regional council on Tuesday passed the {{LongWord}}, which its members had debated for eleven years, by a wide margin.

            “The full text is at {{LongAddress}} for anyone to read,” said council chair Anna Berg after the vote in the chamber.
            """);
        var result = await Seeding.IngestSeedsAndBuildAsync(_runner.Services, send: true);
        await Seeding.BuildDaysAsync(_runner.Services, result.Date.AddDays(-1));
        var site = _runner.Client.BaseAddress!.AbsoluteUri.TrimEnd('/');
        var day = $"{result.Date:yyyy-MM-dd}";
        using var digest = JsonDocument.Parse(await _runner.Client.GetStringAsync("/api/briefings/latest"));
        var story = digest.RootElement.GetProperty("stories")[0].GetProperty("id").GetString();
        var unsubscribe = new Uri(await _runner.Services.GetRequiredService<SubscriptionLinks>().UnsubscribeAsync(Subscriber.FromEmail(Reader).Id)).PathAndQuery;
        var signedUp = await _runner.Client.PostAsync("/api/subscriptions", new FormUrlEncodedContent([new("email", "new-reader@example.com")]));
        signedUp.EnsureSuccessStatusCode();

        // An email is read inside a mail client's own page, which has the main landmark: the
        // briefing's is marked as an article, so the two rules on a page's landmarks do not apply.
        string[] inAMailClient = ["landmark-one-main", "region"];
        object[] pages =
        [
            new { name = "latest", url = $"{site}/", print = true },
            new { name = "a day", url = $"{site}/briefings/{day}" },
            new { name = "a story", url = $"{site}/briefings/{day}/stories/{story}", print = true },
            new { name = "the archive", url = $"{site}/briefings" },
            new { name = "an address that is no page", url = $"{site}/briefing", status = 404 },
            new { name = "the unsubscribe page", url = site + unsubscribe },
            new { name = "a link that is no longer good", url = $"{site}/api/subscriptions/confirm?token=expired", status = 400 },
            new { name = "signed up", url = await SaveAsync("signed-up.html", await signedUp.Content.ReadAsStringAsync()) },
            new { name = "the briefing email", url = await SaveAsync("briefing.html", EmailHtml("*.eml", c => !c.Contains(".confirmation.", StringComparison.Ordinal))), skip = inAMailClient },
            new { name = "the confirmation email", url = await SaveAsync("confirmation.html", EmailHtml("*.confirmation.eml", _ => true)), skip = inAMailClient },
        ];

        var results = await CheckAsync(pages);

        Assert.Equal((pages.Length * 4) + 2, results.Count); // two colour schemes at two widths, and two pages printed
        Assert.Contains(LongWord, await _runner.Client.GetStringAsync("/"));
        var violations = results
            .SelectMany(r => r.Violations.Select(v => $"{r.Page} ({r.Scheme}, {r.Width} px): {v.Id} ({v.Impact}) {v.Help}\n    {string.Join("\n    ", v.Targets)}"))
            .ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task TheCheckFindsWhatItLooksFor()
    {
        // Grey on white at 2.3:1, an image with no text, and no language: three violations a
        // reader would meet, which the check must report.
        var url = await SaveAsync("bad.html", """
            <!doctype html><html><head><title>Bad</title></head>
            <body><main><h1>Bad</h1><p style="color:#999;background:#fff">Faint text</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>
            """);

        var results = await CheckAsync([new { name = "bad", url }]);

        var found = results.SelectMany(r => r.Violations).Select(v => v.Id).ToHashSet();
        Assert.Superset(new HashSet<string> { "color-contrast", "image-alt", "html-has-lang" }, found);
    }

    private async Task<string> SaveAsync(string name, string html)
    {
        var file = Path.Combine(_work, name);
        await File.WriteAllTextAsync(file, html);
        return new Uri(file).AbsoluteUri;
    }

    /// <summary>The HTML body of the one email in the outbox whose file matches.</summary>
    private string EmailHtml(string pattern, Func<string, bool> keep)
    {
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_runner.Folder, "outbox"), pattern, SearchOption.AllDirectories), f => keep(f));
        return MimeMessage.Load(file).HtmlBody ?? throw new InvalidOperationException($"{file} has no HTML body.");
    }

    private async Task<List<PageResult>> CheckAsync(object[] pages)
    {
        var input = Path.Combine(_work, $"pages-{Guid.NewGuid():N}.json");
        var output = Path.ChangeExtension(input, ".results.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(pages));
        var script = Path.Combine(Repository.Root, "tests", "Briefings.Integration.Tests", "Web", "accessibility.mjs");
        await using var node = ChildProcess.Start("node", [script, Chromium.Executable, input, output]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await node.Process.WaitForExitAsync(timeout.Token);
        Assert.True(node.Process.ExitCode == 0, $"The accessibility check failed to run (tests/run.sh installs axe-core and playwright-core with npm ci):\n{node.Output}");
        return JsonSerializer.Deserialize<List<PageResult>>(await File.ReadAllTextAsync(output), Json)!;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record PageResult(string Page, string Scheme, int Width, List<Violation> Violations);

    private sealed record Violation(string Id, string Impact, string Help, List<string> Targets);
}
