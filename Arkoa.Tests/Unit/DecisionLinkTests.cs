using Arkoa.Core.Approvals;
using Arkoa.Core.Domain;
using Arkoa.Core.MailDecisions;

namespace Arkoa.Tests.Unit;

/// <summary>
/// The Approve and Reject links of approvers' mails: a signed token reads back only with the deployment's key, unaltered
/// and unexpired; the link stands only for the request as the mail showed it, still PENDING and, on a chain, still
/// waiting for this approver.
/// </summary>
public sealed class DecisionLinkTests
{
    private const string Key = "a-mail-link-key-of-at-least-32-characters";
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid CompanyId = Guid.NewGuid();

    private static Leave PendingLeave() => new()
    {
        MembershipId = Guid.NewGuid(), Type = LeaveType.PAID, StartDate = new DateOnly(2027, 4, 5), EndDate = new DateOnly(2027, 4, 9), Days = 5,
    };

    [Fact]
    public void A_signed_link_reads_back_whole_with_the_same_key()
    {
        var link = DecisionLink.For(PendingLeave(), Guid.NewGuid(), Now);
        var token = new DecisionLinkSigner(Key).Sign(link);

        Assert.Matches("^[A-Za-z0-9_-]{108}$", token); // base64url: nothing to escape in an address
        Assert.Equal((link, (DomainError?)null), new DecisionLinkSigner(Key).Read(token, Now.AddDays(6)));
        Assert.Equal(Now + TimeSpan.FromDays(7), link.ExpiresAt);
    }

    [Fact]
    public void An_altered_cut_foreign_or_empty_token_is_invalid()
    {
        var signer = new DecisionLinkSigner(Key);
        var token = signer.Sign(DecisionLink.For(PendingLeave(), Guid.NewGuid(), Now));
        // Each character of the token: changing it (payload or signature) breaks it.
        for (var i = 0; i < token.Length; i++)
        {
            var altered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Equal(ProblemCodes.InvalidLink, signer.Read(altered, Now).Error?.Code);
        }
        Assert.Equal(ProblemCodes.InvalidLink, signer.Read(token[..^1], Now).Error?.Code);
        Assert.Equal(ProblemCodes.InvalidLink, signer.Read(token + "A", Now).Error?.Code);
        Assert.Equal(ProblemCodes.InvalidLink, new DecisionLinkSigner(Key + "!").Read(token, Now).Error?.Code);
        Assert.All(new[] { null, "", "not a token", "%%%", new string('A', 5000) },
            bad => Assert.Equal(ProblemCodes.InvalidLink, signer.Read(bad, Now).Error?.Code));
    }

    [Fact]
    public void A_link_expires_after_a_week()
    {
        var signer = new DecisionLinkSigner(Key);
        var token = signer.Sign(DecisionLink.For(PendingLeave(), Guid.NewGuid(), Now));
        Assert.NotNull(signer.Read(token, Now.AddDays(7).AddSeconds(-1)).Link);
        var (link, error) = signer.Read(token, Now.AddDays(7));
        Assert.Null(link);
        Assert.Equal((ProblemCodes.LinkExpired, "token"), (error!.Code, error.Field));
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DecisionLinkSigner(new string('k', 31)));
        Assert.Contains(DecisionLinkSigner.KeySetting, error.Message);
    }

    [Fact]
    public void The_link_stands_for_the_request_as_mailed_and_pending_only()
    {
        var leave = PendingLeave();
        var approver = Guid.NewGuid();
        var link = DecisionLink.For(leave, approver, Now);
        Assert.Null(link.CheckStillStands(leave, CompanyId));

        Leave[] changed =
        [
            With(l => l.EndDate = l.EndDate.AddDays(1)),
            With(l => l.StartDate = l.StartDate.AddDays(-1)),
            With(l => l.Type = LeaveType.RTT),
            With(l => l.EndHalf = HalfDayPeriod.MORNING),
            With(l => l.Days = 4.5m),
            With(l => l.Status = LeaveStatus.APPROVED),
            With(l => l.Status = LeaveStatus.CANCELED),
            With(l => l.DeletedAt = Now),
        ];
        Assert.All(changed, other =>
        {
            var used = link.CheckStillStands(other, CompanyId);
            Assert.Equal(ProblemCodes.DecisionLinkUsed, used?.Code);
            Assert.Equal(leave.Id, used!.ValuesOrEmpty["leaveId"]);
        });
        // The same request read back from the database, its days with a scale (2.0 for 2): the same link.
        Assert.Null(link.CheckStillStands(With(l => l.Days = 5.0m), CompanyId));
        // Another request, even identical in content.
        var twin = PendingLeave();
        Assert.NotNull(link.CheckStillStands(twin, CompanyId));

        Leave With(Action<Leave> change)
        {
            var copy = PendingLeave();
            copy.Id = leave.Id;
            copy.MembershipId = leave.MembershipId;
            change(copy);
            return copy;
        }
    }

    [Fact]
    public void On_a_chain_the_link_stands_while_its_step_waits_for_the_approver()
    {
        var (lea, hr) = (Guid.NewGuid(), Guid.NewGuid());
        var leave = PendingLeave();
        leave.RouteThrough([Step(lea), Step(hr)]);
        var leasLink = DecisionLink.For(leave, lea, Now);
        var hrsEarlyLink = DecisionLink.For(leave, hr, Now);
        Assert.Null(leasLink.CheckStillStands(leave, CompanyId));
        Assert.NotNull(hrsEarlyLink.CheckStillStands(leave, CompanyId)); // HR's step comes later

        leave.StepDecisions.Add(new LeaveStepDecision { LeaveId = leave.Id, Round = leave.ApprovalRound, Step = 0, MembershipId = lea, Decision = StepDecision.APPROVED });
        leave.ApprovalStep = 1;
        Assert.NotNull(leasLink.CheckStillStands(leave, CompanyId)); // moved on: Lea's link is spent
        Assert.Null(DecisionLink.For(leave, hr, Now).CheckStillStands(leave, CompanyId));

        leave.RouteThrough([Step(lea), Step(hr)]); // an edit starts a new round, at its first step
        Assert.NotNull(leasLink.CheckStillStands(leave, CompanyId)); // the old round's link
        Assert.Null(DecisionLink.For(leave, lea, Now).CheckStillStands(leave, CompanyId));
    }

    private static ResolvedStep Step(Guid approver) =>
        new(ApproverKind.NAMED_MEMBER, ApprovalMode.ANY, [new ResolvedApprover(approver)], FellBack: false);
}
