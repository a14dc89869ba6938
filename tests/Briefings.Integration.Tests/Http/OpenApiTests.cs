using System.Net;
using System.Text.Json;
using Briefings.Integration.Tests.Infrastructure;

namespace Briefings.Integration.Tests.Http;

/// <summary>The runner's OpenAPI document describes every API route.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private Runner _runner = null!;

    public async Task InitializeAsync() => _runner = await Runner.StartAsync();

    public async Task DisposeAsync() => await _runner.DisposeAsync();

    [Fact]
    public async Task TheDocumentListsEveryRouteAndMarksTheAdminOnesAsNeedingTheKey()
    {
        var response = await _runner.Client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = json.RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Route: $"{o.Name.ToUpperInvariant()} {p.Name}", Operation: o.Value)))
            .ToDictionary(o => o.Route, o => o.Operation);
        Assert.Equal(
            [
                "GET /api/briefings", "GET /api/briefings/feed", "GET /api/briefings/latest", "GET /api/briefings/{date}",
                "GET /api/briefings/{date}/stories/{storyId}", "GET /api/deliveries/{date}", "GET /api/subscriptions/confirm",
                "GET /api/subscriptions/unsubscribe", "POST /api/articles", "POST /api/briefings/{date}/build", "POST /api/subscriptions",
                "POST /api/subscriptions/unsubscribe",
            ],
            operations.Keys.Order(StringComparer.Ordinal));

        foreach (var admin in new[] { "GET /api/deliveries/{date}", "POST /api/articles", "POST /api/briefings/{date}/build" })
        {
            Assert.Contains("functionKey", operations[admin].GetProperty("security")[0].EnumerateObject().Select(p => p.Name));
        }

        Assert.False(operations["GET /api/briefings/latest"].TryGetProperty("security", out _));
        Assert.False(operations["POST /api/subscriptions"].TryGetProperty("security", out _));
        var scheme = json.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("functionKey");
        Assert.Equal("x-functions-key", scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.True(json.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("Digest", out _));
    }
}
