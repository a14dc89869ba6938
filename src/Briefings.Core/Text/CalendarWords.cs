namespace Briefings.Core.Text;

/// <summary>
/// The names of the days and months, written once for the patterns (as alternations) and the
/// word checks that tell a date from a name ("said Monday", "Jan. 6", "June" before a number).
/// </summary>
public static class CalendarWords
{
    public const string Days = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    public const string Months = "January|February|March|April|May|June|July|August|September|October|November|December";

    private static readonly HashSet<string> MonthNames = new(Months.Split('|'), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> DayAndMonthNames = new([.. Days.Split('|'), .. MonthNames], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a word, in any case, names a month.</summary>
    public static bool IsMonth(string word) => MonthNames.Contains(word);

    /// <summary>Whether a word, in any case, names a day of the week or a month.</summary>
    public static bool IsDayOrMonth(string word) => DayAndMonthNames.Contains(word);
}
