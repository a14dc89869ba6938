using Briefings.Core.Storage;

namespace Briefings.Core.Tests.Storage;

/// <summary>A store that hands every call to another; a test overrides the calls it watches or breaks.</summary>
public abstract class DelegatingBlobStore(IBlobStore inner) : IBlobStore
{
    public virtual Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default) =>
        inner.GetAsync(container, name, cancellationToken);

    public virtual Task<BlobEntry?> GetInfoAsync(string container, string name, CancellationToken cancellationToken = default) =>
        inner.GetInfoAsync(container, name, cancellationToken);

    public virtual Task<string> PutAsync(string container, string name, ReadOnlyMemory<byte> content, BlobWrite? write = null, CancellationToken cancellationToken = default) =>
        inner.PutAsync(container, name, content, write, cancellationToken);

    public virtual IAsyncEnumerable<BlobEntry> ListAsync(string container, string prefix = "", CancellationToken cancellationToken = default) =>
        inner.ListAsync(container, prefix, cancellationToken);

    public virtual Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(container, name, cancellationToken);
}
