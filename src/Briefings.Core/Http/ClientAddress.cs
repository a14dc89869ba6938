using Microsoft.AspNetCore.Http;

namespace Briefings.Core.Http;

/// <summary>Which client a request comes from, as the rate limiter counts it.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The connection's remote address; behind a front end that appends to <c>X-Forwarded-For</c>
    /// (the Functions host), the last address there instead: the one the front end saw. Those before
    /// it are whatever the client sent, so counting by the first would let a client name itself
    /// anew on every request. Only trust the header behind such a proxy.
    /// </summary>
    public static string Of(HttpRequest request, bool behindProxy)
    {
        if (behindProxy && request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            var last = forwarded.Split(',')[^1].Trim();
            // App Service writes "ip:port" ("[v6]:port"); a bare IPv6 address has colons but no port.
            if (last.StartsWith('[') && last.IndexOf(']') is > 0 and var end)
            {
                return last[1..end];
            }

            return last.Count(c => c == ':') == 1 ? last[..last.IndexOf(':')] : last;
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
