using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Briefings.Core.Articles;
using Briefings.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Briefings.Core.Stories;

/// <summary>
/// The vectors an embeddings model gave each day's articles, kept so that a run embeds only the
/// articles no earlier run did: a day's digest groups its articles with those of the days before
/// it (<c>ContinuityDays</c>), so without them every article would be embedded, and paid for,
/// once for its own day and again for each day after, and all of them again when a day is rebuilt.
/// One blob per day and model: <c>embeddings/{model}/{yyyy-MM-dd}.bin</c>, holding the vectors of the
/// articles filed for that day. The blobs only save calls: one that is missing, cannot be read or
/// was changed by another run meanwhile costs a model call, never a vector that is wrong, and a
/// store that cannot be reached for them costs calls, not the build.
/// </summary>
public sealed class EmbeddingStore(IBlobStore store, IArticleEmbedder embedder, ILogger<EmbeddingStore> logger)
{
    private static ReadOnlySpan<byte> Magic => "BREV"u8;

    private const int Version = 1;

    private const string ContentType = "application/octet-stream";

    /// <summary>
    /// Vectors for the articles of each day given (a day and the articles filed for it): those kept
    /// from earlier runs, and the model's for the rest, which are kept in turn.
    /// </summary>
    public async Task<ArticleEmbeddings> EmbedAsync(IReadOnlyList<(DateOnly Day, IReadOnlyList<Article> Articles)> days, CancellationToken cancellationToken = default)
    {
        if (embedder.Model is not { } model)
        {
            return await embedder.EmbedAsync([.. days.SelectMany(d => d.Articles)], cancellationToken);
        }

        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var files = new (string Name, string? ETag, int Kept, int? Length)[days.Count];
        var missing = new List<Article>();
        for (var d = 0; d < days.Count; d++)
        {
            var (day, articles) = days[d];
            var name = Name(model, day);
            var (onFile, etag) = await ReadAsync(name, cancellationToken);
            var found = 0;
            foreach (var article in articles)
            {
                if (onFile.TryGetValue(article.Id, out var vector))
                {
                    vectors[article.Id] = vector;
                    found++;
                }
                else
                {
                    missing.Add(article);
                }
            }

            files[d] = (name, etag, found, onFile.Values.FirstOrDefault()?.Length);
        }

        if (missing.Count == 0)
        {
            EmbeddingLog.AllKept(logger, vectors.Count);
            return new ArticleEmbeddings(vectors, null);
        }

        var made = await embedder.EmbedAsync(missing, cancellationToken);
        foreach (var (id, vector) in made.Vectors)
        {
            vectors[id] = vector;
        }

        EmbeddingLog.Made(logger, made.Vectors.Count, missing.Count, vectors.Count - made.Vectors.Count);

        // A file holds vectors of one length: the model's now (a deployment that changed model
        // under the same name leaves the kept ones of another length out, and they are made again).
        if (made.Vectors.Values.FirstOrDefault()?.Length is { } length)
        {
            for (var d = 0; d < days.Count; d++)
            {
                var day = days[d].Articles.Where(a => vectors.TryGetValue(a.Id, out var v) && v.Length == length).Select(a => a.Id).Distinct().Order(StringComparer.Ordinal).ToList();
                if (day.Count > files[d].Kept || files[d].Length is { } onFile && onFile != length)
                {
                    await WriteAsync(files[d].Name, files[d].ETag, day.Select(id => (id, vectors[id])).ToList(), cancellationToken);
                }
            }
        }

        var kept = vectors.Count - made.Vectors.Count;
        return new ArticleEmbeddings(vectors, made.Problem is null || kept == 0 ? made.Problem : $"{made.Problem}; {kept} kept from earlier runs");
    }

    /// <summary>The blob of a day's vectors by a model, in the model's own folder.</summary>
    internal static string Name(string model, DateOnly day) =>
        $"{BlobNames.FolderFor(model)}/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.bin";

    private async Task<(Dictionary<string, float[]> Vectors, string? ETag)> ReadAsync(string name, CancellationToken cancellationToken)
    {
        StoredBlob? blob;
        try
        {
            blob = await store.GetAsync(Containers.Embeddings, name, cancellationToken);
        }
        catch (Exception e) when (StorageErrors.IsTransient(e))
        {
            EmbeddingLog.NotRead(logger, name, e.Message); // the model is asked instead
            blob = null;
        }

        if (blob is null)
        {
            return (new Dictionary<string, float[]>(StringComparer.Ordinal), null);
        }

        if (Parse(blob.Content, out var vectors) is { } problem)
        {
            EmbeddingLog.Unreadable(logger, name, problem);
            return (new Dictionary<string, float[]>(StringComparer.Ordinal), blob.ETag); // replaced once the model has answered
        }

        return (vectors, blob.ETag);
    }

    /// <summary>Writes a day's vectors unless another run changed the blob since it was read (theirs is as good).</summary>
    private async Task WriteAsync(string name, string? etag, List<(string Id, float[] Vector)> vectors, CancellationToken cancellationToken)
    {
        var write = etag is null ? BlobWrite.Create(ContentType) : new BlobWrite { ContentType = ContentType, IfMatch = etag };
        try
        {
            await store.PutAsync(Containers.Embeddings, name, Serialize(vectors), write, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            EmbeddingLog.ChangedMeanwhile(logger, name);
        }
        catch (Exception e) when (StorageErrors.IsTransient(e))
        {
            EmbeddingLog.NotKept(logger, name, e.Message); // the vectors are in hand; only the next run pays again
        }
    }

    /// <summary>
    /// The blob's bytes: "BREV", the version, the vectors' length and count (32-bit, little-endian),
    /// then each article id (length-prefixed UTF-8) followed by its vector as 32-bit floats.
    /// </summary>
    internal static byte[] Serialize(IReadOnlyList<(string Id, float[] Vector)> vectors)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(vectors.Count == 0 ? 0 : vectors[0].Vector.Length);
            writer.Write(vectors.Count);
            foreach (var (id, vector) in vectors)
            {
                writer.Write(id);
                writer.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads a blob's vectors; returns what is wrong with it instead when anything is.</summary>
    internal static string? Parse(byte[] content, out Dictionary<string, float[]> vectors)
    {
        vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(content, writable: false), Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != Version)
            {
                return "not a file of kept vectors, or another version of one";
            }

            var length = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (length < 0 || count < 0 || (long)count * length * sizeof(float) > content.Length)
            {
                return $"a count of {count} vectors of length {length} that the file cannot hold";
            }

            for (var k = 0; k < count; k++)
            {
                var id = reader.ReadString();
                var vector = new float[length];
                if (reader.Read(MemoryMarshal.AsBytes(vector.AsSpan())) != length * sizeof(float))
                {
                    return "cut short";
                }

                if (id.Length == 0 || length == 0 || !vector.All(float.IsFinite) || !vectors.TryAdd(id, vector))
                {
                    return $"vector {k + 1} of {count} is not one";
                }
            }

            return reader.BaseStream.Position == reader.BaseStream.Length ? null : "bytes after the last vector";
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or DecoderFallbackException or FormatException)
        {
            vectors.Clear();
            return "cut short";
        }
    }
}

internal static partial class EmbeddingLog
{
    [LoggerMessage(5201, LogLevel.Information, "The embeddings of all {Articles} articles were kept from earlier runs")]
    public static partial void AllKept(ILogger logger, int articles);

    [LoggerMessage(5202, LogLevel.Information, "The model embedded {Made} of the {Missing} articles no earlier run had; {Kept} were kept from earlier runs")]
    public static partial void Made(ILogger logger, int made, int missing, int kept);

    [LoggerMessage(5203, LogLevel.Warning, "Kept embeddings {Name} are not used, and will be made again: {Problem}")]
    public static partial void Unreadable(ILogger logger, string name, string problem);

    [LoggerMessage(5204, LogLevel.Information, "Kept embeddings {Name} were changed by another run meanwhile; theirs stay")]
    public static partial void ChangedMeanwhile(ILogger logger, string name);

    [LoggerMessage(5205, LogLevel.Warning, "Kept embeddings {Name} could not be read, so the model is asked for them: {Error}")]
    public static partial void NotRead(ILogger logger, string name, string error);

    [LoggerMessage(5206, LogLevel.Warning, "Embeddings {Name} could not be kept; the next run asks the model for them again: {Error}")]
    public static partial void NotKept(ILogger logger, string name, string error);
}
