namespace Briefings.Core.Storage;

/// <summary>Where everything is stored (section <c>Briefings:Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>
    /// An Azure Storage connection string (<c>UseDevelopmentStorage=true</c> for Azurite). When
    /// empty, the embedded store keeps everything in <see cref="DataPath"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>An account URL for managed identity in Azure, used when no connection string is set.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>The folder of the embedded store (and the default outbox).</summary>
    public string DataPath { get; set; } = ".data";
}
