using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Briefings.Core.Delivery;

/// <summary>
/// SMTP through MailKit with a small pool of connections, each reused for message after message:
/// at most <paramref name="connections"/> are open at once, one per concurrent send. A connection
/// that fails is closed and replaced. A 5xx answer is permanent, and says the recipient was refused
/// when it names the address as dead (<see cref="SmtpRefusals"/>); 4xx answers, drops and timeouts are
/// transient.
/// </summary>
public sealed class SmtpMailTransport(SmtpOptions options, int connections = 1) : IMailTransport, IAsyncDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, connections), Math.Max(1, connections));
    private readonly ConcurrentBag<SmtpClient> _idle = [];

    public async Task SendAsync(MimeMessage message, MailEnvelope envelope, CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken);
        var client = _idle.TryTake(out var pooled) ? pooled : new SmtpClient();
        var healthy = false;
        try
        {
            try
            {
                await EnsureConnectedAsync(client, cancellationToken);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or TimeoutException)
            {
                throw new TransientDeliveryException($"The SMTP server {options.Host}:{options.Port} could not be reached: {e.Message}", e, serverUnreachable: true);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                // The attempt's time ran out before the server greeted us: a server that drops or
                // holds connections is as unreachable as one that refuses them.
                throw new TransientDeliveryException($"The SMTP server {options.Host}:{options.Port} did not answer the connection in time.", e, serverUnreachable: true);
            }

            await client.SendAsync(message, cancellationToken);
            healthy = true;
        }
        catch (SmtpCommandException e)
        {
            // The server answered: the connection is fine, the answer decides.
            healthy = client.IsConnected;
            var code = (int)e.StatusCode;
            var answer = $"{code} {e.Message}".Trim();
            if (code is >= 400 and < 500)
            {
                throw new TransientDeliveryException($"The server asked to try again later: {answer}", e);
            }

            var deadAddress = e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && SmtpRefusals.NamesADeadAddress(code, e.Message);
            throw new PermanentDeliveryException($"The server refused the message for good: {answer}", deadAddress, e);
        }
        catch (AuthenticationException e)
        {
            throw new PermanentDeliveryException($"The SMTP server refused the credentials: {e.Message}", inner: e);
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException or TimeoutException)
        {
            throw new TransientDeliveryException($"The connection to the SMTP server failed: {e.Message}", e);
        }
        finally
        {
            if (healthy)
            {
                _idle.Add(client);
            }
            else
            {
                // Cancelled or broken mid-conversation: its state is unknown, so never reuse it.
                await CloseAsync(client);
            }

            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var client))
        {
            await CloseAsync(client);
        }

        _slots.Dispose();
    }

    private async Task EnsureConnectedAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        if (client.IsConnected)
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
            await client.ConnectAsync(socket, host, options.Port, security, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }
    }

    private static async Task CloseAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException or SmtpCommandException or OperationCanceledException)
        {
            // The connection is gone either way.
        }
        finally
        {
            client.Dispose();
        }
    }
}
