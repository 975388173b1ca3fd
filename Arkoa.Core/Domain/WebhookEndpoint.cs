namespace Arkoa.Core.Domain;

/// <summary>
/// An address a company's admins registered to receive events (issue 18): the events it subscribes to, whether it is
/// active, and its signing secret kept encrypted (<see cref="Webhooks.WebhookSecretProtector"/>): the Worker needs the
/// secret itself to sign, so a hash would not do.
/// </summary>
public sealed class WebhookEndpoint : Entity
{
    public Guid CompanyId { get; set; }
    public required string Url { get; set; }
    public string Description { get; set; } = "";

    /// <summary>The subscribed event types (<see cref="Webhooks.WebhookEventTypes"/>), stored readable.</summary>
    public required string[] Events { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>The signing secret encrypted with the deployment's webhook key, bound to this endpoint's id.</summary>
    public required string EncryptedSecret { get; set; }
}
