using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Briefings.Local.Benchmarks;

/// <summary>Medians, memory readings and child runs: what every benchmark here measures with.</summary>
public static class Measure
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>This process's peak resident set so far (VmHWM), in bytes.</summary>
    public static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }

    /// <summary>True when the runner was built without optimisation: figures from it mean little.</summary>
    /// <summary>Another process's peak resident set (VmHWM), in bytes.</summary>
    public static long PeakWorkingSet(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>Starts this program again with <paramref name="arguments"/>, standard input and output redirected.</summary>
    public static Process StartSelf(IReadOnlyList<string> arguments)
    {
        var start = SelfStart(arguments);
        start.RedirectStandardInput = true;
        return Process.Start(start) ?? throw new InvalidOperationException("The benchmark could not start itself.");
    }

    private static ProcessStartInfo SelfStart(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Measure).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    public static bool IsDebugBuild() =>
        typeof(Measure).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled ?? false;

    /// <summary>The 1-minute load average, to record beside the figures (other work on the machine skews them).</summary>
    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }

    /// <summary>
    /// Runs this program again with <paramref name="arguments"/> and returns the JSON object it
    /// prints on its last line: a fresh process per run, so its peak memory is its own.
    /// </summary>
    public static JsonObject RunSelf(IReadOnlyList<string> arguments)
    {
        var start = SelfStart(arguments);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The benchmark could not start itself.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || last is null || !last.StartsWith('{'))
        {
            throw new InvalidOperationException($"The benchmark run `{string.Join(' ', arguments)}` failed (exit {process.ExitCode}):\n{output}");
        }

        return JsonNode.Parse(last)!.AsObject();
    }

    /// <summary>Collects the time of each named phase that <see cref="Core.Digests.DigestTelemetry"/> reports.</summary>
    public sealed class Phases : IDisposable
    {
        private readonly ActivityListener _listener;
        private const string AllocatedAtStart = "allocatedAtStart";
        private const string CpuAtStart = "cpuAtStart";
        private const string JitAtStart = "jitAtStart";
        private readonly Dictionary<string, TimeSpan> _totals = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _allocated = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TimeSpan> _cpu = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TimeSpan> _jit = new(StringComparer.Ordinal);

        public Phases(string sourceName)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == sourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStarted = activity =>
                {
                    activity.SetCustomProperty(AllocatedAtStart, GC.GetTotalAllocatedBytes());
                    activity.SetCustomProperty(CpuAtStart, ProcessClock.Now());
                    activity.SetCustomProperty(JitAtStart, JitInfo.GetCompilationTime());
                },
                ActivityStopped = activity =>
                {
                    var allocated = GC.GetTotalAllocatedBytes() - (long)activity.GetCustomProperty(AllocatedAtStart)!;
                    Add(
                        activity.OperationName,
                        activity.Duration,
                        allocated,
                        ProcessClock.Now() - (TimeSpan)activity.GetCustomProperty(CpuAtStart)!,
                        JitInfo.GetCompilationTime() - (TimeSpan)activity.GetCustomProperty(JitAtStart)!);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        /// <summary>
        /// Adds to a phase its time, and the bytes the whole process allocated and the CPU time it
        /// used meanwhile (phases run one after another; CPU time over wall time says how well a
        /// phase kept the cores busy), and the time spent compiling code on every thread.
        /// </summary>
        private void Add(string name, TimeSpan elapsed, long allocated, TimeSpan cpu, TimeSpan jit)
        {
            lock (_totals)
            {
                _totals[name] = _totals.GetValueOrDefault(name) + elapsed;
                _allocated[name] = _allocated.GetValueOrDefault(name) + allocated;
                _cpu[name] = _cpu.GetValueOrDefault(name) + cpu;
                _jit[name] = _jit.GetValueOrDefault(name) + jit;
            }
        }

        /// <summary>Milliseconds of process CPU time in each phase.</summary>
        public JsonObject CpuJson() => Json(_cpu, cpu => cpu.TotalMilliseconds);

        /// <summary>Milliseconds spent compiling code, on every thread, during each phase.</summary>
        public JsonObject JitJson() => Json(_jit, jit => jit.TotalMilliseconds);

        /// <summary>Megabytes allocated in each phase.</summary>
        public JsonObject AllocatedJson() => Json(_allocated, bytes => bytes / (1024.0 * 1024));

        /// <summary>Milliseconds of wall time in each phase.</summary>
        public JsonObject ToJson() => Json(_totals, total => total.TotalMilliseconds);

        private JsonObject Json<T>(Dictionary<string, T> byPhase, Func<T, double> figure)
        {
            var json = new JsonObject();
            lock (_totals)
            {
                foreach (var (name, value) in byPhase)
                {
                    json[name] = Math.Round(figure(value), 1);
                }
            }

            return json;
        }

        public void Dispose() => _listener.Dispose();
    }

    public static string Format(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Megabytes(double bytes) => Format(bytes / (1024 * 1024), "0");

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
