namespace Briefings.Core.Evaluation;

/// <summary>Precision, recall and F1, their harmonic mean.</summary>
public sealed record Measures(double Precision, double Recall, double F1)
{
    public static Measures Of(double precision, double recall) => new(precision, recall, HarmonicMean(precision, recall));

    public static double HarmonicMean(double precision, double recall) =>
        precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
}
