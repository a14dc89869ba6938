using System.ComponentModel.DataAnnotations;

namespace Briefings.Core.Delivery;

/// <summary>Email settings (section <c>Briefings:Email</c>).</summary>
public sealed class EmailOptions : IValidatableObject
{
    [Required]
    public string From { get; set; } = "Briefings <briefings@localhost>";

    public string? ReplyTo { get; set; }

    /// <summary>The List-Id header value's identifier part.</summary>
    [Required]
    public string ListId { get; set; } = "daily.briefings.localhost";

    /// <summary>
    /// Addresses added to the subscriber store as confirmed the first time they are seen (for
    /// operators and the demo); from then on the stored state rules.
    /// </summary>
    public List<string> Subscribers { get; set; } = [];

    /// <summary>The mailto: address in List-Unsubscribe; by default Reply-To, else From.</summary>
    public string? UnsubscribeMailto { get; set; }

    /// <summary>SMTP server; when no host is set, emails are written as .eml files to <see cref="OutboxPath"/>.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where .eml files go when no SMTP host is set; by default <c>{DataPath}/outbox</c>.</summary>
    public string? OutboxPath { get; set; }

    /// <summary>
    /// Articles listed under each story's coverage in the email (0: all). The rest are counted,
    /// with a link to the story on the web: a briefing of many widely covered stories otherwise
    /// runs to hundreds of kilobytes, and mail clients cut long messages short (Gmail above 102 KB).
    /// </summary>
    [Range(0, 1000)]
    public int CoverageLimit { get; set; } = 5;

    /// <summary>Attempts per subscriber per day before delivery is recorded as failed for good.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// After a scheduled run that left subscribers unsent (failures that may pass, or a mail server
    /// that could not be reached), the runner sends again this long after, up to
    /// <see cref="MaxAttempts"/> in all, while the next scheduled run is further away.
    /// </summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A pending ledger entry older than this belongs to a sender that died; another may take it over.</summary>
    public TimeSpan PendingLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages sent at once, each over its own reused SMTP connection.</summary>
    [Range(1, 32)]
    public int MaxParallelism { get; set; } = 4;

    /// <summary>Retries of one message within a run after a transient failure (4xx, a dropped connection).</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 4;

    /// <summary>The wait before the first retry; it doubles for each one after, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one attempt to hand a message over may take.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Checked when the app starts: an address that cannot be read would otherwise fail every email of the day.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(From), From), (nameof(ReplyTo), ReplyTo), (nameof(UnsubscribeMailto), UnsubscribeMailto) })
        {
            if (value is not null && !(MimeKit.MailboxAddress.TryParse(value, out var address) && address.Address.Contains('@')))
            {
                yield return new ValidationResult(
                    $"Briefings:Email:{name} must be an email address, such as \"Briefings <news@example.com>\"; it is \"{value}\".", [name]);
            }
        }

        // The SMTP settings are an object of their own, which attribute checks do not enter.
        var smtp = new List<ValidationResult>();
        Validator.TryValidateObject(Smtp, new ValidationContext(Smtp), smtp, validateAllProperties: true);
        foreach (var result in smtp)
        {
            yield return new ValidationResult($"Briefings:Email:Smtp:{string.Join(",", result.MemberNames)}: {result.ErrorMessage}", [nameof(Smtp)]);
        }

        if (!Enum.TryParse<MailKit.Security.SecureSocketOptions>(Smtp.Security, ignoreCase: true, out _) || int.TryParse(Smtp.Security, out _))
        {
            yield return new ValidationResult(
                $"Briefings:Email:Smtp:Security must be Auto, None, SslOnConnect, StartTls or StartTlsWhenAvailable; it is \"{Smtp.Security}\".", [nameof(Smtp)]);
        }
    }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Auto, None, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's <c>SecureSocketOptions</c>).</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
