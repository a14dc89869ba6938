using System.Text.RegularExpressions;
using Briefings.Core;
using Microsoft.Extensions.Options;

namespace Briefings.Local.Commands;

/// <summary>
/// What a command that failed tells its operator: for a mistake of theirs (a setting out of range,
/// a file that is not there or cannot be read, a store that cannot be reached) the reason in a
/// line or two, naming the setting or file; for anything else, the whole exception, as it is a fault
/// to report.
/// </summary>
public static partial class OperatorErrors
{
    /// <summary>The reason to print, or null when <paramref name="error"/> is no operator's mistake.</summary>
    public static string? Explain(Exception error) => error switch
    {
        // A client that retried gives up with each attempt's error: the last one says why.
        AggregateException { InnerExceptions.Count: > 0 } all => Explain(all.InnerExceptions[^1]),
        OptionsValidationException invalid => string.Join(Environment.NewLine, invalid.Failures.Select(f => Setting(invalid.OptionsType, f))),
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or PathTooLongException => error.Message,
        IOException when error.GetType() == typeof(IOException) => error.Message,
        Azure.RequestFailedException or System.Net.Http.HttpRequestException => $"The storage could not be reached: {FirstLine(error.Message)}",
        _ => null,
    };

    /// <summary>
    /// A settings check's failure, naming the setting as configured: the checks' own messages
    /// already do; an attribute's ("The field MaxParallelism must be between 1 and 64.") is given its
    /// section and name.
    /// </summary>
    private static string Setting(Type options, string failure)
    {
        var match = DataAnnotationFailure().Match(failure);
        if (!match.Success)
        {
            return failure;
        }

        var message = match.Groups["error"].Value;
        return message.StartsWith(BriefingsServiceCollectionExtensions.Section + ":", StringComparison.Ordinal)
            || !BriefingsServiceCollectionExtensions.Sections.TryGetValue(options, out var section)
            ? message
            : $"{section}:{match.Groups["member"].Value.Replace('.', ':')}: {message}";
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    // What ValidateDataAnnotations reports for one member.
    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']+' members: '(?<member>[^']*)' with the error: '(?<error>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
