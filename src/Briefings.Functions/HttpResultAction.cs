using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Briefings.Functions;

/// <summary>
/// Runs a Core <see cref="IResult"/> through the ASP.NET Core integration, whose proxying middleware
/// executes <see cref="IActionResult"/> return values (FunctionsHttpProxyingMiddleware in
/// Worker.Extensions.Http.AspNetCore); so the response is the very one the runner's routes write.
/// </summary>
internal sealed class HttpResultAction(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
