using MimeKit;

namespace Briefings.Integration.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (Python's aiosmtpd, Debian package python3-aiosmtpd) that stores every
/// message it accepts. Recipients named reject* get a permanent 550, busy* a 451, flakyN* a 451
/// the first N times, drop* a dropped connection the first time (see smtp_sink.py).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SmtpSink(ChildProcess process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var folder = Repository.TempFolder("smtp");
        var ready = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var process = ChildProcess.Start(python, [Path.Combine(AppContext.BaseDirectory, "smtp_sink.py"), folder], line =>
        {
            if (line.StartsWith("READY ", StringComparison.Ordinal))
            {
                ready.TrySetResult(int.Parse(line[6..], System.Globalization.CultureInfo.InvariantCulture));
            }
        });
        process.Process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The SMTP server exited. Is python3-aiosmtpd installed (tests/run.sh installs it)?"));
        try
        {
            var port = await ready.Task.WaitAsync(TimeSpan.FromSeconds(20));
            return new SmtpSink(process, port, folder);
        }
        catch (Exception e)
        {
            var output = process.Output;
            await process.DisposeAsync();
            throw new InvalidOperationException($"The SMTP server did not start: {e.Message}\n{output}", e);
        }
    }

    /// <summary>The messages received so far, in arrival order.</summary>
    public List<MimeMessage> Messages() =>
        Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

    /// <summary>The messages received so far for one address.</summary>
    public List<MimeMessage> MessagesTo(string address) =>
        Messages().Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>How many messages have arrived (without parsing them).</summary>
    public int Count => Directory.GetFiles(Folder, "*.eml").Length;

    /// <summary>The distinct client connections messages arrived over.</summary>
    public int Connections() => Directory.GetFiles(Folder, "*.peer").Select(File.ReadAllText).Distinct(StringComparer.Ordinal).Count();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
