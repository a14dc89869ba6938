using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Briefings.Core.Json;
using Briefings.Integration.Tests.Infrastructure;
using Briefings.Local.Commands;

namespace Briefings.Integration.Tests.Commands;

/// <summary>The operator's commands on the embedded store, as a shell would run them.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _data = Repository.TempFolder("cli");

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await BriefingsCommands.Create().Parse([.. args, "--data", _data]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task IngestReportsAFileItCannotTakeAndIngestsTheOthers()
    {
        var folder = Repository.TempFolder("cli-files");
        var good = Path.Combine(folder, "good one.txt");
        var invisible = Path.Combine(folder, "zero\u200bwidth.txt");
        File.Copy(Path.Combine(Repository.Seeds, "000_32021d3e988fdb95.txt"), good);
        File.WriteAllText(invisible, "An article under a name no blob may have.");

        var run = await RunAsync("ingest", good, invisible, Path.Combine(folder, "missing.txt"));

        Assert.Equal(2, run.Exit);
        Assert.Contains("good one.txt: Ingested -> ", run.Output);
        Assert.Contains($"{invisible}: not ingested: its name cannot be used (the name contains control or invisible characters); rename it", run.Output);
        Assert.Contains("missing.txt: not ingested: there is no such file", run.Output);
        Assert.True(File.Exists(invisible));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task IngestNeverPutsAFileOverAnotherOfTheSameNameAndTakesAFolderFileByFile()
    {
        var folder = Repository.TempFolder("cli-files");
        Directory.CreateDirectory(Path.Combine(folder, "a"));
        Directory.CreateDirectory(Path.Combine(folder, "b"));
        var first = Path.Combine(folder, "a", "story.txt");
        var second = Path.Combine(folder, "b", "story.txt");
        File.Copy(Path.Combine(Repository.Seeds, "000_32021d3e988fdb95.txt"), first);
        File.Copy(Path.Combine(Repository.Seeds, "002_00b1dcfbd18768bc.txt"), second);
        File.Copy(Path.Combine(Repository.Seeds, "004_eb5bbc4b1c5bcf7c.txt"), Path.Combine(folder, "b", "other.txt"));

        var empty = await RunAsync("ingest");
        var run = await RunAsync("ingest", first, Path.Combine(folder, "b"));
        var again = await RunAsync("ingest", first);

        Assert.Equal((0, "Nothing is waiting in the inbox."), (empty.Exit, empty.Output.Trim()));
        Assert.Equal(2, run.Exit);
        Assert.Contains($"{second}: not ingested: the inbox already holds a different file named story.txt; rename this one", run.Output);
        Assert.Contains("other.txt: Ingested -> ", run.Output); // the rest of the folder goes on
        Assert.Single(run.Output.Split('\n'), l => l.StartsWith("story.txt: Ingested -> ", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(Path.Combine(_data, "articles-inbox", "story.txt"))); // the first file's bytes, kept as they came
        Assert.Equal(0, again.Exit); // the same file again is no conflict: it was ingested already
        Assert.Contains("story.txt: AlreadyDone -> ", again.Output);
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("--date", "2026-13-45", "'2026-13-45' is not a date written yyyy-MM-dd.")]
    [InlineData("--format", "pdf", "Unknown format 'pdf': use json, html, md or txt.")]
    public async Task DigestChecksWhatIsAskedForBeforeReadingAnyArticle(string option, string value, string told)
    {
        var error = new StringWriter();

        // The file named is not there: it is not read, as the option is refused first.
        var exit = await BriefingsCommands.Create().Parse(["digest", "--from", Path.Combine(_data, "none.jsonl"), option, value])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(1, exit);
        Assert.Equal(told, error.ToString().Trim());
    }

    [Fact]
    public async Task SubscribersAreAddedListedAndRemovedFromTheCommandLine()
    {
        var add = await RunAsync("subscribers", "add", "Ada@Example.com", "not-an-address", "bob@example.com");
        var remove = await RunAsync("subscribers", "remove", "bob@example.com");
        var missing = await RunAsync("subscribers", "remove", "nobody@example.com");
        var all = await RunAsync("subscribers", "list");
        var confirmed = await RunAsync("subscribers", "list", "--state", "confirmed");

        Assert.Equal(1, add.Exit);
        Assert.Contains("'not-an-address' is not an email address", add.Error);
        Assert.Contains("confirmed     ada@example.com", add.Output);
        Assert.Equal(0, remove.Exit);
        Assert.Equal(1, missing.Exit);
        Assert.Contains("2 subscriber(s): 0 pending, 1 confirmed, 1 unsubscribed, 0 suppressed", all.Output);
        Assert.Contains("ada@example.com", confirmed.Output);
        Assert.DoesNotContain("bob@example.com", confirmed.Output);
        Assert.Contains("removed by an operator", all.Output);
    }

    [Fact]
    public async Task SendPrintsWhatItDidAndReportReadsTheDayBack()
    {
        Assert.Equal(0, await BriefingsCommands.Create().Parse(["demo", "--data", _data, "--no-serve"]).InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null }));
        await RunAsync("subscribers", "add", "ada@example.com");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var send = await RunAsync("send", "--date", today);
        var again = await RunAsync("send");
        var report = await RunAsync("report", "--date", today, "--json");
        var noDigest = await RunAsync("send", "--date", "2001-01-01");

        Assert.Equal((1, "There is no digest for 2001-01-01 to send."), (noDigest.Exit, noDigest.Error.Trim())); // as a send with no digest at all
        Assert.Equal(0, send.Exit);
        Assert.Contains("this run: 1 sent", send.Output);
        Assert.Contains($"{today}: 2 sent, 0 failed", send.Output);
        Assert.Contains("this run: 0 sent (0 after a retry), 2 already sent", again.Output);
        var parsed = JsonSerializer.Deserialize(report.Output, BriefingsJsonContext.Default.DeliveryDayReport)!;
        Assert.Equal(2, parsed.Sent);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_data, "outbox", today), "*.eml").Length);
    }
}
