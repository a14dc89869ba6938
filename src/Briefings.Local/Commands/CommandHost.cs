using System.CommandLine;
using System.Globalization;
using Briefings.Local.Hosting;
using Microsoft.Extensions.Options;

namespace Briefings.Local.Commands;

/// <summary>What the one-shot commands share: the runner's services without its background work.</summary>
internal static class CommandHost
{
    /// <summary>
    /// The runner's services, its settings checked as <c>serve</c> checks them when it starts: a
    /// command that is never started would otherwise send with a setting <c>serve</c> refuses.
    /// </summary>
    public static WebApplication Open(ParseResult parse)
    {
        var app = RunnerHost.Build(new RunnerSettings
        {
            DataPath = parse.GetValue(BriefingsCommands.Data),
            ConnectionString = parse.GetValue(BriefingsCommands.Storage),
            Background = false,
            Overrides = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" },
        });
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return app;
        }
        catch
        {
            ((IDisposable)app).Dispose();
            throw;
        }
    }

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
