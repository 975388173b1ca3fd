using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Arkoa.Core.MailDecisions;

public static class DecisionLinkSettings
{
    /// <summary>
    /// Registers the <see cref="DecisionLinkSigner"/> with the key of <see cref="DecisionLinkSigner.KeySetting"/> (the
    /// AppHost's "mail-link-key" parameter). Outside Development a missing or short key stops the start; in
    /// Development it fails at first use, as the webhook key does.
    /// </summary>
    public static IHostApplicationBuilder AddDecisionLinks(this IHostApplicationBuilder builder)
    {
        var key = builder.Configuration[DecisionLinkSigner.KeySetting];
        if (!builder.Environment.IsDevelopment() && key is not { Length: >= DecisionLinkSigner.MinimumKeyLength })
        {
            throw new InvalidOperationException(
                $"{DecisionLinkSigner.KeySetting} must be set to at least {DecisionLinkSigner.MinimumKeyLength} characters (the mail-link-key secret).");
        }
        builder.Services.AddSingleton(_ => new DecisionLinkSigner(key ?? ""));
        return builder;
    }
}
