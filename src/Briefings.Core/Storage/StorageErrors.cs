using System.Net.Sockets;
using Azure;

namespace Briefings.Core.Storage;

/// <summary>Tells a storage outage, which passes, from a refusal, which will be the same next time.</summary>
public static class StorageErrors
{
    /// <summary>
    /// True for errors that say the store could not be reached or could not answer now: I/O and
    /// network errors, timeouts, and Blob Storage answering 408, 429 or 5xx (or not at all, after the
    /// client's own retries). A 4xx refusal, or any other exception, is not transient.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransient),
        IOException or HttpRequestException or SocketException or TimeoutException => true,
        _ => false,
    };
}
