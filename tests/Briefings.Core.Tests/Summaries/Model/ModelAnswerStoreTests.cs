using System.Text;
using Briefings.Core.Storage;
using Briefings.Core.Summaries.Model;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI.Chat;

namespace Briefings.Core.Tests.Summaries.Model;

/// <summary>
/// The kept answers: one name for one request and another for any other, an answer kept reads back,
/// and a blob that is not an answer reads as none.
/// </summary>
public sealed class ModelAnswerStoreTests : IDisposable
{
    private const string Model = "briefings-chat-example.openai.azure.com";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static List<ChatMessage> Request(string passages) =>
        [new SystemChatMessage("Write the briefing."), new UserChatMessage($"Passages:\n\n{passages}")];

    [Fact]
    public void TheSameRequestHasOneNameAndAnyChangeAnother()
    {
        var name = ModelAnswerStore.Name(Model, structured: true, Request("[1] Troops crossed the border."));

        Assert.Equal(name, ModelAnswerStore.Name(Model, structured: true, Request("[1] Troops crossed the border.")));
        Assert.NotEqual(name, ModelAnswerStore.Name(Model, structured: true, Request("[1] Troops crossed the border!")));
        Assert.NotEqual(name, ModelAnswerStore.Name(Model, structured: false, Request("[1] Troops crossed the border.")));
        Assert.NotEqual(name, ModelAnswerStore.Name("other-deployment-example.openai.azure.com", structured: true, Request("[1] Troops crossed the border.")));
        Assert.NotEqual(name, ModelAnswerStore.Name(Model, structured: true, [new SystemChatMessage("Write the briefing."), new AssistantChatMessage("Passages:\n\n[1] Troops crossed the border.")]));
        // Where one message ends and the next begins is part of the request.
        Assert.NotEqual(
            ModelAnswerStore.Name(Model, true, [new UserChatMessage("ab"), new UserChatMessage("c")]),
            ModelAnswerStore.Name(Model, true, [new UserChatMessage("a"), new UserChatMessage("bc")]));
    }

    [Theory]
    [InlineData(Model)]
    [InlineData("..")]
    [InlineData(".hidden/../up ü?")]
    public void NamesAreSafeForABlob(string model)
    {
        var name = ModelAnswerStore.Name(model, structured: true, Request("[1] Text."));

        Assert.Null(BlobNames.Problem(name));
        Assert.Matches("^[A-Za-z0-9_-][A-Za-z0-9._-]*/[0-9a-f]{64}\\.json$", name);
    }

    [Fact]
    public async Task AnAnswerKeptReadsBackAndABlobThatIsNotAnAnswerReadsAsNone()
    {
        var blobs = new FileBlobStore(_temp.Path);
        var store = new ModelAnswerStore(blobs, NullLogger<ModelAnswerStore>.Instance);
        var name = ModelAnswerStore.Name(Model, structured: true, Request("[1] Text."));
        Assert.Null(await store.GetAsync(name));

        await store.KeepAsync(name, new KeptAnswer("{\"headline\":\"H\",\"sentences\":[]}", "unsupported number: 7"));

        Assert.Equal(new KeptAnswer("{\"headline\":\"H\",\"sentences\":[]}", "unsupported number: 7"), await store.GetAsync(name));
        foreach (var damaged in new[] { "not json", "null", "{\"content\":\"\"}", "{}" })
        {
            await blobs.PutAsync(Containers.ModelAnswers, name, Encoding.UTF8.GetBytes(damaged));
            Assert.Null(await store.GetAsync(name));
        }
    }

    [Fact]
    public async Task AStoreThatCannotBeReachedCostsACallNotTheBuild()
    {
        var store = new ModelAnswerStore(new Unreachable(new FileBlobStore(_temp.Path)), NullLogger<ModelAnswerStore>.Instance);
        var name = ModelAnswerStore.Name(Model, structured: true, Request("[1] Text."));

        Assert.Null(await store.GetAsync(name));
        await store.KeepAsync(name, new KeptAnswer("{}", null)); // logged, not thrown
    }

    /// <summary>Blob Storage answering 503 to every read and write.</summary>
    private sealed class Unreachable(IBlobStore inner) : Briefings.Core.Tests.Storage.DelegatingBlobStore(inner)
    {
        public override Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default) =>
            throw new Azure.RequestFailedException(503, "Server Busy");

        public override Task<string> PutAsync(string container, string name, ReadOnlyMemory<byte> content, BlobWrite? write = null, CancellationToken cancellationToken = default) =>
            throw new Azure.RequestFailedException(503, "Server Busy");
    }
}
