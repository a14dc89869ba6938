using System.Globalization;

namespace Briefings.Core.Http;

/// <summary>Dates as they appear in routes and query strings: <c>yyyy-MM-dd</c>, nothing else.</summary>
internal static class Days
{
    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
