using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Briefings.Core.Delivery;

/// <summary>
/// SMTP through MailKit with one connection reused for every message; it reconnects when the
/// server drops it. A 5xx for the recipient is permanent; anything else may pass on retry.
/// </summary>
public sealed class SmtpMailTransport(SmtpOptions options) : IMailTransport, IAsyncDisposable
{
    private readonly SmtpClient _client = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task SendAsync(MimeMessage message, MailEnvelope envelope, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureConnectedAsync(cancellationToken);
            await _client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            throw new PermanentDeliveryException($"The server refused the message for good: {(int)e.StatusCode} {e.Message}", e);
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or ServiceNotConnectedException)
        {
            await DisconnectQuietlyAsync();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectQuietlyAsync();
        _client.Dispose();
        _gate.Dispose();
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return;
        }

        var security = Enum.TryParse<SecureSocketOptions>(options.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        var host = options.Host ?? throw new InvalidOperationException("Briefings:Email:Smtp:Host is not set.");

        // Our own socket, so Nagle's algorithm is off: the end of each message would otherwise wait
        // for the server's delayed acknowledgement before the server sees it and replies.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, options.Port, cancellationToken);
            await _client.ConnectAsync(socket, host, options.Port, security, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await _client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }
    }

    private async Task DisconnectQuietlyAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or ServiceNotConnectedException or SmtpCommandException)
        {
            // The connection is gone either way; the next send reconnects.
        }
    }
}
