using Microsoft.AspNetCore.Http;

namespace Briefings.Core.Http;

/// <summary>Which client a request comes from, as the rate limiter counts it.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The connection's remote address; behind a front end that sets <c>X-Forwarded-For</c> (the
    /// Functions host), the first address there instead. Only trust the header behind such a proxy.
    /// </summary>
    public static string Of(HttpRequest request, bool behindProxy)
    {
        if (behindProxy && request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            var first = forwarded.Split(',')[0].Trim();
            // App Service writes "ip:port" ("[v6]:port"); a bare IPv6 address has colons but no port.
            if (first.StartsWith('[') && first.IndexOf(']') is > 0 and var end)
            {
                return first[1..end];
            }

            return first.Count(c => c == ':') == 1 ? first[..first.IndexOf(':')] : first;
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
