using System.Text.Json.Serialization;
using Briefings.Core.Articles;
using Briefings.Core.Delivery;
using Briefings.Core.Digests;
using Briefings.Core.Evaluation;
using Briefings.Core.Http;
using Briefings.Core.Storage;
using Briefings.Core.Subscribers;
using Briefings.Core.Summaries.Model;

namespace Briefings.Core.Json;

/// <summary>Every JSON shape the app reads or writes, serialised without reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    WriteIndented = false)]
[JsonSerializable(typeof(Article))]
[JsonSerializable(typeof(ArticleEnvelope))]
[JsonSerializable(typeof(IngestReceipt))]
[JsonSerializable(typeof(IngestOutcome))]
[JsonSerializable(typeof(FileBlobMeta))]
[JsonSerializable(typeof(Digest))]
[JsonSerializable(typeof(BuildLeaseRecord))]
[JsonSerializable(typeof(Story))]
[JsonSerializable(typeof(ArchiveResponse))]
[JsonSerializable(typeof(BuildResponse))]
[JsonSerializable(typeof(UploadResponse))]
[JsonSerializable(typeof(DeliveryRecord))]
[JsonSerializable(typeof(DeliveryReport))]
[JsonSerializable(typeof(LabelledArticle))]
[JsonSerializable(typeof(ReferenceSummary))]
[JsonSerializable(typeof(Scores))]
[JsonSerializable(typeof(ReferenceCheck))]
[JsonSerializable(typeof(ModelAnswer))]
[JsonSerializable(typeof(KeptAnswer))]
[JsonSerializable(typeof(DeliveryDayReport))]
[JsonSerializable(typeof(SubscriberRecord))]
[JsonSerializable(typeof(SubscriptionRequest))]
[JsonSerializable(typeof(SubscriptionAccepted))]
public sealed partial class BriefingsJsonContext : JsonSerializerContext;
