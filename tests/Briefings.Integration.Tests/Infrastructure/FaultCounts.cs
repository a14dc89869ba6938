using System.Globalization;

namespace Briefings.Integration.Tests.Infrastructure;

/// <summary>
/// The counts of the fault tests (kills, articles, subscribers, trials) from environment variables:
/// small defaults in CI, the full counts from the command in docs/reliability.md.
/// </summary>
public static class FaultCounts
{
    /// <summary>The variable's value when it is a positive whole number, else the fallback.</summary>
    public static int Get(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
