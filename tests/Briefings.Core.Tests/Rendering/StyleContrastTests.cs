using System.Globalization;
using System.Text.RegularExpressions;

namespace Briefings.Core.Tests.Rendering;

/// <summary>The page's colours meet WCAG AA (4.5:1 for text) in the light and the dark scheme.</summary>
public sealed partial class StyleContrastTests
{
    private static readonly string Style = File.ReadAllText(Path.Combine(Fixtures.TemplateFolder, "partials", "style.html.sbn"));

    [Theory]
    [InlineData(0, "fg", "bg")]
    [InlineData(0, "muted", "bg")]
    [InlineData(0, "accent", "bg")]
    [InlineData(0, "badge", "badge-bg")]
    [InlineData(1, "fg", "bg")]
    [InlineData(1, "muted", "bg")]
    [InlineData(1, "accent", "bg")]
    [InlineData(1, "badge", "badge-bg")]
    public void TextColoursHaveAtLeastAaContrast(int scheme, string foreground, string background)
    {
        var colours = Schemes()[scheme];

        var ratio = Contrast(colours[foreground], colours[background]);

        Assert.True(ratio >= 4.5, $"--{foreground} on --{background} in scheme {scheme} is {ratio:F2}:1");
    }

    /// <summary>The custom properties of each <c>:root</c> block: the light scheme, then the dark one.</summary>
    private static List<Dictionary<string, string>> Schemes() =>
        RootRegex().Matches(Style)
            .Select(m => VariableRegex().Matches(m.Groups[1].Value).ToDictionary(v => v.Groups[1].Value, v => v.Groups[2].Value))
            .ToList();

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int i)
        {
            var c = int.Parse(hex.AsSpan(1 + (2 * i), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(1)) + (0.0722 * Channel(2));
    }

    [GeneratedRegex(@":root\s*\{([^}]*)\}")]
    private static partial Regex RootRegex();

    [GeneratedRegex(@"--([a-z-]+):\s*(#[0-9a-fA-F]{6})")]
    private static partial Regex VariableRegex();
}
