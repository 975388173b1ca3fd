namespace Arkoa.Web.Components.Companies;

/// <summary>The company pages the navigation links to; the current one is marked for screen readers and styles.</summary>
public enum CompanySection
{
    Dashboard,
    MyLeaves,
    Approvals,
    Team,
    Teams,
    Calendar,
    Settings,
    Webhooks,
    ApprovalChain,
}
