namespace Briefings.Local.Benchmarks;

/// <summary>What every benchmark is told: sizes (the first is the baseline), runs, seed, span, where corpora go.</summary>
public sealed record BenchSettings(IReadOnlyList<int> Sizes, int Runs, int Seed, int Days, string WorkFolder);
