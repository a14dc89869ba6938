using System.ComponentModel.DataAnnotations;

namespace Briefings.Core.Subscribers;

/// <summary>Sign-up, confirmation and unsubscribe settings (section <c>Briefings:Subscriptions</c>).</summary>
public sealed class SubscriptionOptions : IValidatableObject
{
    /// <summary>
    /// The HMAC key for confirmation and unsubscribe links, at least 32 characters. When empty a
    /// key is generated and kept in the store (see <see cref="Tokens.SigningKeys"/>): an app
    /// setting left empty, as the Functions example leaves it, is no key.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Checked when the app starts: a short key would sign every link weakly.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(SigningKey) && SigningKey.Length < MinKeyLength)
        {
            yield return new ValidationResult(
                $"Briefings:Subscriptions:SigningKey must be at least {MinKeyLength} characters (it has {SigningKey.Length}), or empty to have one generated and kept in the store.",
                [nameof(SigningKey)]);
        }
    }

    /// <summary>The shortest signing key accepted.</summary>
    public const int MinKeyLength = 32;

    public TimeSpan ConfirmTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Unsubscribe links live long: people unsubscribe from old emails too.</summary>
    public TimeSpan UnsubscribeTokenLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Another sign-up for a pending address within this time sends no second confirmation.</summary>
    public TimeSpan ConfirmationCooldown { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Sign-up requests one client address may make per <see cref="RateLimitWindow"/>.</summary>
    [Range(1, 10_000)]
    public int RateLimitPermits { get; set; } = 5;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);
}
