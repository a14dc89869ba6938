namespace Briefings.Core.Storage;

/// <summary>
/// The one storage contract: named blobs in containers, with ETags and conditional writes.
/// Implemented by Azure Blob Storage (and Azurite) and by a folder on disk.
/// </summary>
public interface IBlobStore
{
    /// <summary>Reads a blob, or returns null when it does not exist.</summary>
    Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>Reads a blob's properties without its content, or returns null when it does not exist.</summary>
    Task<BlobEntry?> GetInfoAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a blob and returns its new ETag. Throws <see cref="BlobConditionFailedException"/>
    /// when <see cref="BlobWrite.CreateOnly"/> or <see cref="BlobWrite.IfMatch"/> does not hold.
    /// </summary>
    Task<string> PutAsync(string container, string name, ReadOnlyMemory<byte> content, BlobWrite? write = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the blobs whose names start with <paramref name="prefix"/>, in name order.</summary>
    IAsyncEnumerable<BlobEntry> ListAsync(string container, string prefix = "", CancellationToken cancellationToken = default);

    /// <summary>Deletes a blob; returns false when it was not there.</summary>
    Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default);
}
