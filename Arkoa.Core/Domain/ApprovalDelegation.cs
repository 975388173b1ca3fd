namespace Arkoa.Core.Domain;

/// <summary>
/// A person's approvals handed to another member from one day to another, both included (out of office, SPEC §11):
/// requests that arrive in the window, by the company's today, go to <see cref="ToMembershipId"/> on behalf of
/// <see cref="FromMembershipId"/>.
/// </summary>
public sealed class ApprovalDelegation : Entity
{
    public Guid CompanyId { get; set; }
    public Guid FromMembershipId { get; set; }
    public Guid ToMembershipId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }

    /// <summary>The user who set it (the delegator or an admin).</summary>
    public Guid CreatedById { get; set; }

    public bool Covers(DateOnly day) => StartDate <= day && day <= EndDate;
}
