using System.Diagnostics;

namespace Briefings.Integration.Tests.Infrastructure;

/// <summary>
/// Debian's headless Chromium (package <c>chromium</c>, installed by tests/run.sh), one process per
/// call with a fresh profile. The flags keep it off the network: the machine has none, and without
/// them Chromium waits on lookups for updates, sync and QUIC.
/// </summary>
public static class Chromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string Executable { get; } =
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium is not installed: tests/run.sh installs Debian's 'chromium' package.");

    /// <summary>The DOM after the page has loaded, serialised.</summary>
    public static Task<string> DumpDomAsync(string url) => RunAsync(["--dump-dom", url]);

    /// <summary>Saves a PNG of the viewport at the given window size.</summary>
    public static async Task ScreenshotAsync(string url, string file, int width, int height)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Delete(file);
        await RunAsync([$"--screenshot={file}", $"--window-size={width},{height}", "--hide-scrollbars", url]);
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"Chromium wrote no screenshot to {file}.");
        }
    }

    private static async Task<string> RunAsync(IEnumerable<string> arguments)
    {
        var profile = Repository.TempFolder("chromium-profile");
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", $"--user-data-dir={profile}", .. arguments,
        ])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Chromium.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Chromium did not finish within {Timeout.TotalSeconds} s: {await stderr}");
        }
        finally
        {
            TryDelete(profile);
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Chromium exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; the temp folder is cleaned later.
        }
    }
}
