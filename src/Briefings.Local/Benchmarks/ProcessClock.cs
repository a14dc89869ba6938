using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Briefings.Local.Benchmarks;

/// <summary>
/// CPU time of the whole process (every thread, the collector's and the compiler's included) or of one
/// thread, to the nanosecond: on a machine shared with other work, wall time measures the other work too.
/// <see cref="Process.TotalProcessorTime"/> is read from <c>/proc</c> in 10 ms ticks, too coarse for a
/// run of a few renderings.
/// </summary>
public static partial class ProcessClock
{
    private const int ClockProcessCpuTime = 2;
    private const int ClockThreadCpuTime = 3;

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockProcessCpuTime, out var now) == 0)
        {
            return now.ToTimeSpan();
        }

        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>CPU time of the calling thread alone (zero where the system does not say).</summary>
    public static TimeSpan ThisThread() =>
        OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var now) == 0
            ? now.ToTimeSpan()
            : TimeSpan.Zero;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;

        public readonly TimeSpan ToTimeSpan() => TimeSpan.FromTicks(Seconds * TimeSpan.TicksPerSecond + Nanoseconds / 100);
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
