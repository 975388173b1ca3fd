namespace Arkoa.Worker.Mail;

public sealed class MailOptions
{
    /// <summary>The sender of every mail.</summary>
    public string From { get; set; } = "Arkoa <no-reply@arkoa.local>";

    /// <summary>The Web front end's public address, for links in mails (Arkoa:WebBaseUrl).</summary>
    public string WebBaseUrl { get; set; } = "http://localhost:5180";
}
