using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Briefings.Core.Json;

namespace Briefings.Core.Storage;

/// <summary>
/// The embedded default: each container is a folder under <c>root</c>, each blob a file, so a
/// person can drop articles into the inbox folder and read what was written. Content type and
/// metadata live in <c>.meta/</c>, except for a blob with no metadata whose content type is the
/// one its name implies (JSON for <c>.json</c>, none otherwise), which needs no meta file. Writes
/// take a lock file, which holds across processes on one machine. Creating a file is the dearest
/// thing a write does on a journalling file system, so blobs share lock files
/// (<see cref="LockStripes"/> a container, each made once) rather than having one each.
/// </summary>
public sealed class FileBlobStore : IBlobStore
{
    private const string MetaFolder = ".meta";
    private const string LockFolder = ".locks";
    private const string TempFolder = ".tmp";

    /// <summary>Lock files a container: two writers of one blob always meet at the same one; writers of different blobs seldom do.</summary>
    private const int LockStripes = 64;

    private const string JsonType = "application/json";
    private readonly string _root;

    /// <summary>Folders this store has made or found, so a write does not ask for its folders again each time.</summary>
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);

    public FileBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    /// <summary>The folder that holds a container's blobs.</summary>
    public string ContainerPath(string container) => Path.Combine(_root, BlobNames.ValidateContainer(container));

    public Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(Get(container, name, cancellationToken));
        }
        catch (OperationCanceledException e)
        {
            return Task.FromCanceled<StoredBlob?>(e.CancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<StoredBlob?>(e);
        }
    }

    private StoredBlob? Get(string container, string name, CancellationToken cancellationToken)
    {
        var path = BlobPath(container, name);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            // Blobs here are small local files: synchronous reads cost far less than a hop through
            // the thread pool per file, which is what asynchronous file I/O is on Linux.
            cancellationToken.ThrowIfCancellationRequested();
            var etag = ETagOf(info);
            var content = File.ReadAllBytes(path);
            var meta = ReadMeta(container, name);
            return new StoredBlob(name, content, etag, meta?.ContentType ?? ImpliedContentType(name), meta?.Metadata ?? new Dictionary<string, string>());
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<BlobEntry?> GetInfoAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(BlobPath(container, name));
        return Task.FromResult(info.Exists ? Entry(name, info) : null);
    }

    public async Task<string> PutAsync(string container, string name, ReadOnlyMemory<byte> content, BlobWrite? write = null, CancellationToken cancellationToken = default)
    {
        write ??= new BlobWrite();
        var path = BlobPath(container, name);
        var folder = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(_root, TempFolder, $"{Guid.NewGuid():N}.tmp");
        cancellationToken.ThrowIfCancellationRequested();
        var etag = InFolder(Path.GetDirectoryName(temp)!, () => WriteNew(temp, content.Span));
        var moved = false;
        try
        {
            await using var held = await AcquireLockAsync(container, name, cancellationToken);
            var existing = new FileInfo(path);
            if (write.CreateOnly && existing.Exists)
            {
                throw new BlobConditionFailedException(container, name);
            }

            if (write.IfMatch is not null && (!existing.Exists || ETagOf(existing) != write.IfMatch))
            {
                throw new BlobConditionFailedException(container, name);
            }

            if (write.Metadata is null or { Count: 0 } && write.ContentType == ImpliedContentType(name))
            {
                DeleteMeta(container, name); // one left by an earlier write with other headers
            }
            else
            {
                WriteMeta(container, name, new FileBlobMeta(write.ContentType, write.Metadata?.ToDictionary() ?? []));
            }

            // A blob that is not there yet is moved in only if that still holds (a file dropped
            // into the folder by hand takes no lock); the rename keeps the file's time, so the ETag
            // taken from the temporary file is the blob's.
            if (existing.Exists || !InFolder(folder, () => AtomicFile.TryCreate(temp, path)))
            {
                if (write.CreateOnly)
                {
                    throw new BlobConditionFailedException(container, name);
                }

                AtomicFile.Replace(temp, path);
            }

            moved = true;
            return etag;
        }
        finally
        {
            if (!moved)
            {
                File.Delete(temp);
            }
        }
    }

    public IAsyncEnumerable<BlobEntry> ListAsync(string container, string prefix = "", CancellationToken cancellationToken = default) =>
        ListAsync(container, prefix, unlisted: null, cancellationToken);

    /// <summary>
    /// The listing, in the same walk telling <paramref name="unlisted"/> each file it leaves out as
    /// its name cannot be a blob name (<see cref="BlobNames.Problem"/>: a leading dot, a control or
    /// invisible character…), with why: a file dropped in by hand under such a name would otherwise
    /// wait there unseen.
    /// </summary>
    public async IAsyncEnumerable<BlobEntry> ListAsync(string container, string prefix, Action<string, string>? unlisted, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folder = ContainerPath(container);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        // Start the walk at the deepest folder the prefix names, so listing one day stays cheap.
        var slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? folder : Path.Combine(folder, prefix[..slash]);
        if (!Directory.Exists(start))
        {
            yield break;
        }

        var names = new List<(string Name, FileInfo Info)>();
        foreach (var file in new DirectoryInfo(start).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(folder, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (BlobNames.Problem(name) is { } problem)
            {
                unlisted?.Invoke(name, problem);
            }
            else
            {
                names.Add((name, file));
            }
        }

        names.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var (name, info) in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (info.Exists)
            {
                yield return Entry(name, info);
            }
        }

        await Task.CompletedTask;
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var path = BlobPath(container, name);
        await using var held = await AcquireLockAsync(container, name, cancellationToken);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        DeleteMeta(container, name);
        return true;
    }

    private string BlobPath(string container, string name)
    {
        BlobNames.Validate(name);
        var folder = ContainerPath(container);
        var full = Path.GetFullPath(Path.Combine(folder, name));
        if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("Invalid blob name: it leaves its container.", nameof(name));
        }

        return full;
    }

    private string MetaPath(string container, string name) =>
        Path.Combine(_root, MetaFolder, BlobNames.ValidateContainer(container), BlobNames.Validate(name) + ".json");

    private static BlobEntry Entry(string name, FileInfo info) => new(name, ETagOf(info), info.Length, info.LastWriteTimeUtc);

    private static string ETagOf(FileInfo info) => ETagOf(info.LastWriteTimeUtc, info.Length);

    private static string ETagOf(DateTime lastWriteUtc, long length) => $"\"{lastWriteUtc.Ticks:x}-{length:x}\"";

    /// <summary>Writes a file that must not exist yet and returns the ETag it has, from the open file.</summary>
    private static string WriteNew(string path, ReadOnlySpan<byte> content)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, content, 0);
        return ETagOf(File.GetLastWriteTimeUtc(handle), content.Length);
    }

    /// <summary>
    /// Runs a file operation in a folder, making the folder first the first time this store uses
    /// it, and again if it has gone since (someone tidied the store's folder by hand).
    /// </summary>
    private T InFolder<T>(string folder, Func<T> operation)
    {
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders[folder] = true;
        }

        try
        {
            return operation();
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(folder);
            return operation();
        }
    }

    /// <summary>The content type a blob's name implies, which needs no meta file: JSON for <c>.json</c>.</summary>
    private static string? ImpliedContentType(string name) =>
        name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? JsonType : null;

    private FileBlobMeta? ReadMeta(string container, string name)
    {
        // Most blobs have no meta file (JSON with no metadata): a look costs far less than a read that throws.
        var path = MetaPath(container, name);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), BriefingsJsonContext.Default.FileBlobMeta);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    private void DeleteMeta(string container, string name)
    {
        // Most blobs never had a meta file: a look costs far less than a delete that throws.
        var path = MetaPath(container, name);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private void WriteMeta(string container, string name, FileBlobMeta meta)
    {
        var path = MetaPath(container, name);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(meta, BriefingsJsonContext.Default.FileBlobMeta);
        // A blob rewritten with the same headers (a ledger entry moving on, a receipt) keeps its
        // meta file: one file operation fewer per rewrite.
        if (new FileInfo(path) is { Exists: true } existing && existing.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return;
        }

        var temp = path + ".tmp";
        InFolder(Path.GetDirectoryName(path)!, () => { File.WriteAllBytes(temp, bytes); return true; });
        AtomicFile.Replace(temp, path);
    }

    private async Task<FileStream> AcquireLockAsync(string container, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_root, LockFolder, BlobNames.ValidateContainer(container), $"{Stripe(BlobNames.Validate(name)):x2}.lock");
        var folder = Path.GetDirectoryName(path)!;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return InFolder(folder, () => new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (attempt < 2000)
            {
                await Task.Delay(5, cancellationToken);
            }
        }
    }

    /// <summary>The lock stripe of a blob name: FNV-1a of its characters, the same in every process (unlike string hash codes).</summary>
    private static int Stripe(string name)
    {
        var hash = 2166136261u;
        foreach (var ch in name)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash % LockStripes);
    }
}

/// <summary>What the folder store keeps beside a blob.</summary>
public sealed record FileBlobMeta(string? ContentType, Dictionary<string, string> Metadata);
