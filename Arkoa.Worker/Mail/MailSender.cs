using MailKit.Net.Smtp;
using MimeKit;

namespace Arkoa.Worker.Mail;

/// <summary>Sends mails through the "smtp" connection with MailKit, one SMTP session per batch.</summary>
public sealed class MailSender(IConfiguration configuration)
{
    private readonly SmtpEndpoint _endpoint = SmtpEndpoint.Parse(configuration.GetConnectionString(SmtpEndpoint.ConnectionName));

    public async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(_endpoint.Host, _endpoint.Port, _endpoint.Security, cancellationToken);
            if (_endpoint.Username is not null)
            {
                await client.AuthenticateAsync(_endpoint.Username, _endpoint.Password ?? "", cancellationToken);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static Task SendAsync(SmtpClient client, MimeMessage message, CancellationToken cancellationToken) =>
        client.SendAsync(message, cancellationToken);
}
