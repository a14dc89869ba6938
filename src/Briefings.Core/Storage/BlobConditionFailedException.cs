namespace Briefings.Core.Storage;

/// <summary>A conditional write lost: the blob already exists, or changed since it was read.</summary>
public sealed class BlobConditionFailedException(string container, string name, Exception? inner = null)
    : Exception($"The write to {container}/{name} did not happen: its condition no longer holds.", inner)
{
    public string Container { get; } = container;

    public string BlobName { get; } = name;
}
