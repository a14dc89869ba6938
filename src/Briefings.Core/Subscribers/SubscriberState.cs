using System.Text.Json.Serialization;

namespace Briefings.Core.Subscribers;

[JsonConverter(typeof(JsonStringEnumConverter<SubscriberState>))]
public enum SubscriberState
{
    /// <summary>Asked to subscribe; receives nothing but the confirmation email.</summary>
    Pending,

    /// <summary>Confirmed the address (or was added by an operator); receives every briefing.</summary>
    Confirmed,

    /// <summary>Left; receives nothing until subscribing and confirming again.</summary>
    Unsubscribed,

    /// <summary>The address was refused for good by its mail server; receives nothing.</summary>
    Suppressed,
}
