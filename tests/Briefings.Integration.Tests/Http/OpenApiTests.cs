using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Briefings.Integration.Tests.Infrastructure;
using Json.Schema;

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
        var upload = operations["POST /api/articles"].GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(p => p.Name);
        Assert.Equal(["application/json", "application/xhtml+xml", "text/html", "text/markdown", "text/plain"], upload.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WhatTheApiAnswersIsWhatItsSchemasDescribe()
    {
        var built = await Seeding.IngestSeedsAndBuildAsync(_runner.Services, send: false);
        using var latest = JsonDocument.Parse(await _runner.Client.GetStringAsync("/api/briefings/latest"));
        var story = latest.RootElement.GetProperty("stories")[0].GetProperty("id").GetString();
        var schemas = await SchemasAsync();

        AssertValid(schemas, "Digest", latest.RootElement);
        AssertValid(schemas, "Story", await GetJsonAsync($"/api/briefings/{built.Date:yyyy-MM-dd}/stories/{story}"));
        AssertValid(schemas, "ArchiveResponse", await GetJsonAsync("/api/briefings"));

        // The seeds' story has articles with no outlet and figures no one gave: the schemas must not require what is left out.
        var articles = latest.RootElement.GetProperty("stories")[0].GetProperty("articles").EnumerateArray();
        Assert.Contains(articles, a => !a.TryGetProperty("source", out _));
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var document = JsonDocument.Parse(await _runner.Client.GetStringAsync(path));
        return document.RootElement.Clone();
    }

    /// <summary>The document's component schemas as one JSON Schema (2020-12) whose definitions they are.</summary>
    private async Task<JsonObject> SchemasAsync()
    {
        var document = JsonNode.Parse(await _runner.Client.GetStringAsync("/openapi/v1.json"))!;
        var definitions = document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$defs"] = JsonNode.Parse(definitions) };
    }

    private static void AssertValid(JsonObject schemas, string name, JsonElement instance)
    {
        var root = (JsonObject)schemas.DeepClone();
        root["$ref"] = $"#/$defs/{name}";
        var schema = JsonSchema.FromText(root.ToJsonString());
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, $"{name}: {string.Join("; ", errors)}");
    }
}
