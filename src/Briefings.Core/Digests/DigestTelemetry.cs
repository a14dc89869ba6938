using System.Diagnostics;

namespace Briefings.Core.Digests;

/// <summary>
/// One activity per phase of a digest build (tokens, vocabulary, grouping, summaries...), so a
/// profiler, an OpenTelemetry exporter or the benchmark can see where the time goes. Free when
/// nothing listens.
/// </summary>
public static class DigestTelemetry
{
    public const string SourceName = "Briefings.Digest";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts a phase; dispose it to end it. Null when nothing listens.</summary>
    public static Activity? Phase(string name) => Source.StartActivity(name);
}
