using System.Buffers.Binary;
using Briefings.Core.Stories;

namespace Briefings.Core.Tests.Stories;

/// <summary>The kept vectors' file: what is written reads back exactly, and a damaged file is refused whole, with the reason.</summary>
public sealed class EmbeddingStoreTests
{
    private static readonly List<(string Id, float[] Vector)> Vectors =
    [
        ("a1", [0.6f, 0.8f, 0f]),
        ("b2", [0f, -1f, 0f]),
        ("c3-ü", [1e-8f, 0.5f, -0.8660254f]),
    ];

    [Fact]
    public void WrittenVectorsReadBackBitForBit()
    {
        Assert.Null(EmbeddingStore.Parse(EmbeddingStore.Serialize(Vectors), out var read));

        Assert.Equal(Vectors.Select(v => v.Id), read.Keys.Order(StringComparer.Ordinal));
        Assert.All(Vectors, v => Assert.Equal(v.Vector, read[v.Id]));
    }

    [Fact]
    public void AFileOfNoVectorsReadsAsNone()
    {
        Assert.Null(EmbeddingStore.Parse(EmbeddingStore.Serialize([]), out var read));
        Assert.Empty(read);
    }

    [Fact]
    public void AFileCutAnywhereIsRefused()
    {
        var bytes = EmbeddingStore.Serialize(Vectors);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.NotNull(EmbeddingStore.Parse(bytes[..length], out _));
        }
    }

    [Fact]
    public void BytesAfterTheLastVectorAreRefused() =>
        Assert.Equal("bytes after the last vector", EmbeddingStore.Parse(EmbeddingStore.Serialize(Vectors).Append((byte)0).ToArray(), out _));

    [Fact]
    public void AnotherKindOfFileIsRefused() =>
        Assert.Equal("not a file of kept vectors, or another version of one", EmbeddingStore.Parse("{\"vectors\": []}"u8.ToArray(), out _));

    [Fact]
    public void AVectorThatIsNotNumbersIsRefused()
    {
        var bytes = EmbeddingStore.Serialize([("a1", [0.6f, float.NaN, 0f])]);
        Assert.Equal("vector 1 of 1 is not one", EmbeddingStore.Parse(bytes, out _));
    }

    [Fact]
    public void AnArticleTwiceIsRefused() =>
        Assert.Equal("vector 2 of 2 is not one", EmbeddingStore.Parse(EmbeddingStore.Serialize([Vectors[0], Vectors[0]]), out _));

    [Fact]
    public void ACountTheFileCannotHoldIsRefusedBeforeAnythingIsMade()
    {
        var bytes = EmbeddingStore.Serialize(Vectors);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), int.MaxValue); // the count, after "BREV", the version and the length

        Assert.StartsWith($"a count of {int.MaxValue} vectors", EmbeddingStore.Parse(bytes, out var read));
        Assert.Empty(read);
    }

    [Fact]
    public void ModelsAreKeptApartAndTheirNamesAreSafeForABlob()
    {
        var day = new DateOnly(2026, 11, 24);
        var first = EmbeddingStore.Name("embed-256-title-lead-2000-example.openai.azure.com", day);
        var second = EmbeddingStore.Name("embed-64-title-lead-2000-example.openai.azure.com", day);
        var odd = EmbeddingStore.Name("../weird name/ü?", day);

        Assert.NotEqual(first.Split('/')[0], second.Split('/')[0]);
        Assert.EndsWith("/2026-11-24.bin", first);
        Assert.Matches("^[A-Za-z0-9._-]+/2026-11-24\\.bin$", odd);
        Assert.DoesNotMatch("^\\.\\.?/", EmbeddingStore.Name("..", day)); // never a step up a folder
    }
}
