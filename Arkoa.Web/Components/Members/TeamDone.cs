using Arkoa.Web.Api;

namespace Arkoa.Web.Components.Members;

/// <summary>Where the Team page's forms send the browser after an action worked (Post/Redirect/Get): the page says what was done to whom.</summary>
public static class TeamDone
{
    public static string Path(Company company, string what, string who) =>
        $"/companies/{company.Id}/team?done={what}&who={Uri.EscapeDataString(who)}";
}
