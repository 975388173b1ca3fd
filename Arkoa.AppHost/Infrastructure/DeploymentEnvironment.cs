using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Arkoa.AppHost.Infrastructure;

/// <summary>
/// Which .NET environment (Staging, Production) the deployed services run as: an azd parameter, "Production"
/// unless the azd environment says otherwise, handed to each service as ASPNETCORE_ENVIRONMENT so that
/// appsettings.{Environment}.json (log levels, ...) applies.
/// </summary>
public static class DeploymentEnvironmentExtensions
{
    public const string ParameterName = "environment";
    public const string Default = "Production";

    public static void WithDeploymentEnvironment(this IDistributedApplicationBuilder builder, IEnumerable<IResourceBuilder<ProjectResource>> services)
    {
        var environment = builder.AddParameter(ParameterName, Default, publishValueAsDefault: true);
        foreach (var service in services)
        {
            service.WithEnvironment("ASPNETCORE_ENVIRONMENT", environment);
        }
    }
}
