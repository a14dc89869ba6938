using System.CommandLine;
using System.Globalization;
using Briefings.Local.Hosting;

namespace Briefings.Local.Commands;

/// <summary>What the one-shot commands share: the runner's services without its background work.</summary>
internal static class CommandHost
{
    public static WebApplication Open(ParseResult parse) => RunnerHost.Build(new RunnerSettings
    {
        DataPath = parse.GetValue(BriefingsCommands.Data),
        ConnectionString = parse.GetValue(BriefingsCommands.Storage),
        Background = false,
        Overrides = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" },
    });

    public static Option<string?> DateOption(string description) => new("--date") { Description = description };

    /// <summary>Parses yyyy-MM-dd, or says why not on the error writer.</summary>
    public static bool TryParseDate(ParseResult parse, string? text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        parse.InvocationConfiguration.Error.WriteLine($"'{text}' is not a date written yyyy-MM-dd.");
        return false;
    }
}
