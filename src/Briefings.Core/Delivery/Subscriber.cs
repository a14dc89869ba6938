using System.Security.Cryptography;
using System.Text;

namespace Briefings.Core.Delivery;

/// <summary>Someone who receives the briefing. The id is derived from the normalised address.</summary>
public sealed record Subscriber(string Id, string Email)
{
    public static Subscriber FromEmail(string email)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return new Subscriber(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)).AsSpan(0, 8)), normalized);
    }
}

/// <summary>Where confirmed subscribers come from.</summary>
public interface ISubscriberDirectory
{
    IAsyncEnumerable<Subscriber> ConfirmedAsync(CancellationToken cancellationToken = default);
}

/// <summary>Subscribers listed in configuration (<c>Briefings:Email:Subscribers</c>).</summary>
public sealed class ConfiguredSubscribers(EmailOptions options) : ISubscriberDirectory
{
    public async IAsyncEnumerable<Subscriber> ConfirmedAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var email in options.Subscribers.Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Subscriber.FromEmail(email);
        }

        await Task.CompletedTask;
    }
}
