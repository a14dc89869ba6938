using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Briefings.Core.Http;

/// <summary>The problem-details answers the API gives, worded once.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadDate(string? date) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The date must be written yyyy-MM-dd.", detail: $"'{date}' is not such a date.");

    public static ProblemHttpResult NoBriefing(DateOnly day) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no briefing for {day:yyyy-MM-dd}.");

    public static ProblemHttpResult NoBriefingYet() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No briefing has been built yet.");

    public static ProblemHttpResult NoStory(DateOnly day, string storyId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"The briefing for {day:yyyy-MM-dd} has no story '{storyId}'.");

    public static ProblemHttpResult UnknownFormat() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown format.", detail: "Use json, html, md or txt.");

    public static ProblemHttpResult NotAcceptable() =>
        TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, title: "None of the accepted media types can be served.",
            detail: "Accept application/json, text/html, text/markdown or text/plain.");

    public static ProblemHttpResult BadLimit(int max) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The limit must be a whole number from 1 to {max}.");
}
