using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Briefings.Integration.Tests.Infrastructure;

/// <summary>What the fake model answers to one request: a status, headers, a delay, and either the assistant's text or a raw body.</summary>
public sealed record FakeReply(int Status = 200, string? Content = null, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static FakeReply Answer(object answer) => new(Content: JsonSerializer.Serialize(answer));

    public static FakeReply Error(int status, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, Body: $$$"""{"error":{"code":"{{{status}}}","message":"scripted failure"}}""", Headers: headers);

    /// <summary>An embeddings answer: <paramref name="vectorOf"/> each input, in the encoding the request asked for (floats, or base64 as the SDK asks).</summary>
    public static FakeReply Embeddings(RecordedRequest request, Func<string, float[]> vectorOf)
    {
        var base64 = (string?)request.Json()["encoding_format"] == "base64";
        var data = new JsonArray();
        foreach (var (input, index) in request.Inputs().Select((input, index) => (input, index)))
        {
            var vector = vectorOf(input);
            data.Add(new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = index,
                ["embedding"] = base64
                    ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()))
                    : new JsonArray([.. vector.Select(v => (JsonNode)v)]),
            });
        }

        return new(Body: new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = "text-embedding-3-small",
            ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["total_tokens"] = 100 },
        }.ToJsonString());
    }
}

/// <summary>One request the fake model received, with the numbered passages its prompt carried.</summary>
public sealed partial record RecordedRequest(TimeSpan At, string Deployment, string? ApiVersion, string? ApiKey, string Body)
{
    /// <summary>The prompt's passages by number: <c>[n] title</c> and its lines, up to the next blank line.</summary>
    public IReadOnlyDictionary<int, string> Passages()
    {
        var prompt = string.Concat(JsonNode.Parse(Body)!["messages"]!.AsArray()
            .Where(m => (string?)m!["role"] == "user")
            .Select(m => m!["content"] is JsonArray parts ? string.Concat(parts.Select(p => (string?)p!["text"])) : (string?)m["content"]));
        return PassageHeader().Matches(prompt).ToDictionary(
            m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            m => prompt[(m.Index + m.Length)..].Split("\n\n")[0]);
    }

    public JsonNode Json() => JsonNode.Parse(Body)!;

    /// <summary>An embeddings request's inputs.</summary>
    public IReadOnlyList<string> Inputs() => Json()["input"] is JsonArray inputs ? [.. inputs.Select(i => (string)i!)] : [(string)Json()["input"]!];

    [GeneratedRegex(@"(?m)^\[(\d+)\] ")]
    private static partial Regex PassageHeader();
}

/// <summary>
/// An OpenAI-compatible chat completions and embeddings endpoint on loopback, shaped as Azure
/// OpenAI serves them (<c>POST /openai/deployments/{deployment}/chat/completions</c> and
/// <c>…/embeddings</c>). It answers from a script,
/// one reply per request in order, then <see cref="Otherwise"/>; it records every request and how
/// many were in flight at once.
/// </summary>
public sealed class FakeOpenAi : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<RecordedRequest, FakeReply>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly WebApplication _app;
    private int _inFlight;
    private int _maxInFlight;

    private FakeOpenAi(WebApplication app) => _app = app;

    public string Endpoint => _app.Urls.First() + "/";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>The reply once the script is used up.</summary>
    public Func<RecordedRequest, FakeReply> Otherwise { get; set; } = _ => FakeReply.Error(500);

    public static async Task<FakeOpenAi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var fake = new FakeOpenAi(app);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", fake.HandleAsync);
        app.MapPost("/openai/deployments/{deployment}/embeddings", fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    public FakeOpenAi Then(FakeReply reply) => Then(_ => reply);

    public FakeOpenAi Then(Func<RecordedRequest, FakeReply> reply)
    {
        _script.Enqueue(reply);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            int seen;
            while (inFlight > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, seen) != seen)
            {
            }

            using var reader = new StreamReader(context.Request.Body);
            var request = new RecordedRequest(
                _clock.Elapsed,
                (string)context.Request.RouteValues["deployment"]!,
                context.Request.Query["api-version"],
                context.Request.Headers["api-key"],
                await reader.ReadToEndAsync(context.RequestAborted));
            _requests.Enqueue(request);

            var reply = (_script.TryDequeue(out var next) ? next : Otherwise)(request);
            if (reply.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(reply.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return; // The client gave up waiting, as a timeout test expects.
                }
            }

            context.Response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body ?? Completion(reply.Content ?? ""), context.RequestAborted);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static string Completion(string content) => new JsonObject
    {
        ["id"] = $"chatcmpl-{Guid.NewGuid():N}",
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = "gpt-4o-mini",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
            ["logprobs"] = null,
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 400, ["completion_tokens"] = 120, ["total_tokens"] = 520 },
    }.ToJsonString();
}
