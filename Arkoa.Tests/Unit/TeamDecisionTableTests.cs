using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Arkoa.Core.Teams;

namespace Arkoa.Tests.Unit;

/// <summary>
/// Who decides a leave once a company has teams (SPEC §10), without a database: a caller of every company role who
/// manages the team "Sales" (which has the sub-team "Sales East") × the leave's owner (themself, a member of Sales, a
/// member of Sales East, a member of another team, a member of no team) × the decisions, and allowedActions agreeing.
/// Company managers and admins keep company-wide rights; a team manager decides for their teams only; nobody decides
/// their own request.
/// </summary>
public sealed class TeamDecisionTableTests
{
    private static readonly DateOnly Today = new(2027, 3, 10);
    private static readonly DateTime Now = new(2027, 3, 10, 9, 0, 0, DateTimeKind.Utc);

    private const UserRole E = UserRole.EMPLOYEE, M = UserRole.MANAGER, A = UserRole.ADMIN;
    private const string Ok = "ok", Own = "own-leave-review", Outside = "leave-outside-their-teams", NotAllowed = "not-allowed";
    private const string NeedsManager = "approved-cancel-needs-manager";

    public enum Relation { Self, TeamMember, SubTeamMember, OtherTeamMember, NoTeam }

    /// <summary>
    /// Caller's role, whose leave; then approving (and rejecting) a PENDING one, canceling an APPROVED one not started,
    /// declining a request to cancel, and the allowedActions on the PENDING leave.
    /// </summary>
    public static TheoryData<UserRole, Relation, string, string, string, string> Table => new()
    {
        { E, Relation.Self, Own, NeedsManager, Own, "edit cancel delete" },
        { E, Relation.TeamMember, Ok, Ok, Ok, "edit cancel delete approve reject" },
        { E, Relation.SubTeamMember, Ok, Ok, Ok, "edit cancel delete approve reject" },
        { E, Relation.OtherTeamMember, Outside, NotAllowed, Outside, "" },
        { E, Relation.NoTeam, Outside, NotAllowed, Outside, "" },

        { M, Relation.Self, Own, Ok, Own, "edit cancel delete" },
        { M, Relation.TeamMember, Ok, Ok, Ok, "edit cancel delete approve reject" },
        { M, Relation.SubTeamMember, Ok, Ok, Ok, "edit cancel delete approve reject" },
        { M, Relation.OtherTeamMember, Ok, Ok, Ok, "edit cancel delete approve reject" },
        { M, Relation.NoTeam, Ok, Ok, Ok, "edit cancel delete approve reject" },

        { A, Relation.Self, Own, Ok, Own, "edit cancel delete" },
        { A, Relation.TeamMember, Ok, Ok, Ok, "edit cancel delete approve reject" },
        { A, Relation.SubTeamMember, Ok, Ok, Ok, "edit cancel delete approve reject" },
        { A, Relation.OtherTeamMember, Ok, Ok, Ok, "edit cancel delete approve reject" },
        { A, Relation.NoTeam, Ok, Ok, Ok, "edit cancel delete approve reject" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void A_team_manager_decides_for_their_teams_and_sub_teams_only_and_company_managers_for_everyone_but_themselves(
        UserRole role, Relation relation, string review, string cancelApproved, string declineCancel, string allowedOnPending)
    {
        var company = new CompanyTeams();
        var actor = company.ManagerOfSales(role);
        var owner = company.MemberFor(relation, actor);

        var approved = Pending(owner);
        Assert.Equal(review, Code(approved.Approve(actor, memberActive: true, version: null, managerNote: null, Now)));
        Assert.Equal(review, Code(Pending(owner).Reject(actor, memberActive: true, version: null, managerNote: "No", Now)));
        Assert.Equal(cancelApproved, Code(ApprovedLater(owner).Cancel(actor, version: null, Today, Now)));
        Assert.Equal(declineCancel, Code(CancelAsked(owner).DeclineCancel(actor, version: null, "Needed that week", Now)));
        Assert.Equal(allowedOnPending, string.Join(' ', Pending(owner).AllowedActions(actor, memberActive: true, Today).Select(a => a.WireName())));
        if (review == Ok) Assert.Equal(LeaveStatus.APPROVED, approved.Status);
        else Assert.Equal(LeaveStatus.PENDING, approved.Status);
    }

    [Fact]
    public void A_member_of_a_team_who_manages_no_team_decides_nothing_even_for_their_teammates()
    {
        var company = new CompanyTeams();
        var teammate = company.MemberFor(Relation.TeamMember, company.ManagerOfSales(E));
        var plainMember = LeaveActor.Of(new Membership { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), Role = E });

        Assert.Equal("review-needs-manager", Code(Pending(teammate).Approve(plainMember, true, null, null, Now)));
        Assert.Equal("not-allowed", Code(Pending(teammate).Cancel(plainMember, null, Today, Now)));
        Assert.Empty(Pending(teammate).AllowedActions(plainMember, true, Today));
    }

    [Fact]
    public void A_team_manager_alone_in_their_team_decides_nothing_and_gets_no_review_rights()
    {
        var manager = new Membership { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), Role = E };
        var actor = LeaveActor.Of(manager, new HashSet<Guid> { manager.Id });

        Assert.False(actor.DecidesForSomeone);
        Assert.Equal("review-needs-manager", Code(Pending(Guid.NewGuid()).Approve(actor, true, null, null, Now)));
    }

    /// <summary>Sales (with the sub-team Sales East) and Support, each with one member, and a member in no team.</summary>
    private sealed class CompanyTeams
    {
        private readonly Guid _sales = Guid.NewGuid(), _salesEast = Guid.NewGuid(), _support = Guid.NewGuid();
        private readonly Guid _inSales = Guid.NewGuid(), _inSalesEast = Guid.NewGuid(), _inSupport = Guid.NewGuid(), _inNoTeam = Guid.NewGuid();

        private TeamTree Tree => new([new(_sales, null), new(_salesEast, _sales), new(_support, null)]);

        /// <summary>A caller of <paramref name="role"/> who is in Sales and manages it: the members they reach are those of Sales and Sales East.</summary>
        public LeaveActor ManagerOfSales(UserRole role)
        {
            var membership = new Membership { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), Role = role };
            var members = new Dictionary<Guid, Guid[]>
            {
                [_sales] = [membership.Id, _inSales], [_salesEast] = [_inSalesEast], [_support] = [_inSupport],
            };
            var reached = Tree.WithSubTeams([_sales]).SelectMany(team => members[team]).ToHashSet();
            return LeaveActor.Of(membership, reached);
        }

        public Guid MemberFor(Relation relation, LeaveActor actor) => relation switch
        {
            Relation.Self => actor.MembershipId,
            Relation.TeamMember => _inSales,
            Relation.SubTeamMember => _inSalesEast,
            Relation.OtherTeamMember => _inSupport,
            _ => _inNoTeam,
        };
    }

    private static Leave Pending(Guid owner) => new()
    {
        MembershipId = owner, Type = LeaveType.UNPAID, StartDate = Today.AddDays(7), EndDate = Today.AddDays(8), Days = 2,
    };

    private static Leave ApprovedLater(Guid owner)
    {
        var leave = Pending(owner);
        leave.Status = LeaveStatus.APPROVED;
        return leave;
    }

    private static Leave CancelAsked(Guid owner)
    {
        var leave = ApprovedLater(owner);
        leave.CancelRequestedAt = Now.AddHours(-1);
        return leave;
    }

    private static string Code(DomainError? error) => error?.Code ?? Ok;
}
