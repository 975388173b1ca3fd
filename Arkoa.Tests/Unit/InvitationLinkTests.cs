using Arkoa.Core.Domain;
using Arkoa.Core.Memberships;

namespace Arkoa.Tests.Unit;

/// <summary>Which words an invitation link gets once it no longer opens its invitation (issue 14 §10).</summary>
public sealed class InvitationLinkTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);

    private static Invitation Invitation(DateTime expiresAt, DateTime? acceptedAt = null) =>
        new() { Email = "zoe@example.com", TokenHash = "h", ExpiresAt = expiresAt, AcceptedAt = acceptedAt };

    [Fact]
    public void An_open_invitation_s_current_link_opens_it_until_the_instant_it_expires()
    {
        Assert.Null(InvitationLink.Check(Invitation(Now.AddTicks(1)), replaced: false, "Acme", "Alice", Now));
        Assert.Equal(ProblemCodes.InvitationExpired,
            InvitationLink.Check(Invitation(Now), replaced: false, "Acme", "Alice", Now)?.Code);
    }

    [Theory]
    [InlineData(false, false, false, null)]
    [InlineData(false, false, true, ProblemCodes.InvitationExpired)]
    [InlineData(false, true, false, ProblemCodes.InvitationReplaced)]
    [InlineData(false, true, true, ProblemCodes.InvitationReplaced)]
    [InlineData(true, false, false, ProblemCodes.InvitationAccepted)]
    [InlineData(true, false, true, ProblemCodes.InvitationAccepted)]
    [InlineData(true, true, false, ProblemCodes.InvitationAccepted)]
    [InlineData(true, true, true, ProblemCodes.InvitationAccepted)]
    public void Accepted_wins_over_replaced_which_wins_over_expired(bool accepted, bool replaced, bool expired, string? code)
    {
        var invitation = Invitation(expired ? Now.AddDays(-1) : Now.AddDays(1), accepted ? Now.AddHours(-1) : null);
        var error = InvitationLink.Check(invitation, replaced, "Acme", "Alice", Now);
        Assert.Equal(code, error?.Code);
        if (error is null) return;
        Assert.Equal(DomainErrorKind.Gone, error.Kind);
        Assert.Equal("Acme", error.ValuesOrEmpty["companyName"]);
        Assert.Equal("Alice", error.ValuesOrEmpty["invitedByName"]);
    }
}
