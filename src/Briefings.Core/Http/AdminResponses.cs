namespace Briefings.Core.Http;

/// <summary>What a build did, and where to read the result.</summary>
public sealed record BuildResponse(DateOnly Date, int Stories, int Articles, string Href, string Page);

/// <summary>Where an uploaded article waits to be ingested.</summary>
public sealed record UploadResponse(string Name, string Container);
