using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Arkoa.Core.Webhooks;

/// <summary>The "Webhooks" settings the Api and the Worker share: the secrets' key and who may be a target.</summary>
public sealed class WebhookSettings
{
    public const string Section = "Webhooks";

    /// <summary>The passphrase webhook secrets are encrypted with (the AppHost's "webhook-key" secret parameter).</summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// Lets endpoints be loopback or private addresses (and plain http to loopback): for tests and local receivers, in
    /// Development only — any other environment refuses to start with it.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }
}

public static class WebhookSettingsSetup
{
    /// <summary>
    /// Binds and checks the settings at start (outside Development the key is required and private targets are
    /// refused) and registers the <see cref="WebhookSecretProtector"/>, built at first use.
    /// </summary>
    public static IHostApplicationBuilder AddWebhookSettings(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<WebhookSettings>().BindConfiguration(WebhookSettings.Section)
            .Validate(s => development || !s.AllowPrivateTargets, "Webhooks:AllowPrivateTargets is allowed in Development only.")
            .Validate(s => development || s.SecretKey is { Length: >= WebhookSecretProtector.MinimumKeyLength },
                $"{WebhookSecretProtector.KeySetting} must be set to at least {WebhookSecretProtector.MinimumKeyLength} characters (the webhook-key secret).")
            .ValidateOnStart();
        builder.Services.AddSingleton(services => new WebhookSecretProtector(services.GetRequiredService<IOptions<WebhookSettings>>().Value.SecretKey ?? ""));
        return builder;
    }
}
