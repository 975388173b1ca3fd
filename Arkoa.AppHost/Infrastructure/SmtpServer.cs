using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Arkoa.AppHost.Infrastructure;

/// <summary>
/// An SMTP sink with a web inbox (smtp4dev): a container, or the same program as a local dotnet tool.
/// Services get <c>ConnectionStrings__smtp=Endpoint=smtp://host:port</c>; the inbox is the "http" endpoint.
/// </summary>
public interface ISmtpServerResource : IResourceWithConnectionString, IResourceWithEndpoints
{
    public const string SmtpEndpointName = "smtp";
    public const string HttpEndpointName = "http";

    EndpointReference SmtpEndpoint => new(this, SmtpEndpointName);

    ReferenceExpression IResourceWithConnectionString.ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint=smtp://{SmtpEndpoint.Property(EndpointProperty.Host)}:{SmtpEndpoint.Property(EndpointProperty.Port)}");
}

public sealed class SmtpContainerResource(string name) : ContainerResource(name), ISmtpServerResource;

public sealed class SmtpToolResource(string name, string workingDirectory)
    : ExecutableResource(name, "dotnet", workingDirectory), ISmtpServerResource;

public static class SmtpServerBuilderExtensions
{
    public const string Image = "rnwood/smtp4dev";
    public const string ImageTag = "v3";

    public static IResourceBuilder<SmtpContainerResource> AddSmtpContainer(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new SmtpContainerResource(name))
            .WithImage(Image, ImageTag)
            .WithEnvironment("ServerOptions__Urls", "http://*:80")
            .WithEnvironment("ServerOptions__ImapPort", "")
            .WithEnvironment("ServerOptions__Pop3Port", "")
            .WithEndpoint(targetPort: 25, scheme: "tcp", name: ISmtpServerResource.SmtpEndpointName)
            .WithHttpEndpoint(targetPort: 80, name: ISmtpServerResource.HttpEndpointName)
            .WithHttpHealthCheck("/api/messages", endpointName: ISmtpServerResource.HttpEndpointName);

    /// <summary>
    /// smtp4dev restored from the repository's tool manifest (<c>dotnet tool restore</c>), messages kept in memory,
    /// IMAP and POP3 off. It targets an older runtime, hence DOTNET_ROLL_FORWARD=Major.
    /// </summary>
    public static IResourceBuilder<SmtpToolResource> AddSmtpTool(this IDistributedApplicationBuilder builder, string name, string repositoryRoot)
    {
        if (!File.Exists(Path.Combine(repositoryRoot, ".config", "dotnet-tools.json")))
        {
            throw new MissingPrerequisiteException($"Arkoa local mode needs the tool manifest .config/dotnet-tools.json under {repositoryRoot}.");
        }
        var smtpPort = FreePort.Next();
        var httpPort = FreePort.Next();
        return builder.AddResource(new SmtpToolResource(name, repositoryRoot))
            .WithArgs("tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{httpPort}", $"--smtpport={smtpPort}",
                "--imapport=", "--pop3port=", "--db=", "--nousersettings", "--hostname=localhost",
                "--bindaddress=127.0.0.1", "--messagestokeep=5000", "--sessionstokeep=500")
            .WithEnvironment("DOTNET_ROLL_FORWARD", "Major")
            .WithEndpoint(port: smtpPort, targetPort: smtpPort, scheme: "tcp", name: ISmtpServerResource.SmtpEndpointName, isProxied: false)
            .WithHttpEndpoint(port: httpPort, targetPort: httpPort, name: ISmtpServerResource.HttpEndpointName, isProxied: false)
            .WithHttpHealthCheck("/api/messages", endpointName: ISmtpServerResource.HttpEndpointName)
            .WithIconName("Mail");
    }
}
