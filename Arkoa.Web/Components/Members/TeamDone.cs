using Arkoa.Web.Api;
using Arkoa.Web.Security;

namespace Arkoa.Web.Components.Members;

/// <summary>
/// Where the Team page's forms send the browser after an action worked (Post/Redirect/Get): the page says what was done
/// to whom, the whom encrypted (<see cref="NoticeSubject"/>).
/// </summary>
public static class TeamDone
{
    public static string Path(Company company, string what, string who, NoticeSubject subjects) =>
        $"/companies/{company.Id}/team?done={what}&who={Uri.EscapeDataString(subjects.Protect(who))}";
}
