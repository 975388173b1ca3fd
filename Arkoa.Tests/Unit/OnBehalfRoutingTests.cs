using Arkoa.Core.Approvals;

namespace Arkoa.Tests.Unit;

/// <summary>A request submitted for a member skips the chain only when its author approves at every step it would take.</summary>
public sealed class OnBehalfRoutingTests
{
    private static readonly Guid Member = Guid.NewGuid(), Hr = Guid.NewGuid(), Lead = Guid.NewGuid();

    private static ResolvedStep Step(params Guid[] approvers) =>
        new(ApproverKind.NAMED_MEMBER, ApprovalMode.ANY, [.. approvers.Select(a => new ResolvedApprover(a))], FellBack: false);

    public static TheoryData<string, Guid, Guid[][], int> Cases => new()
    {
        { "the member's own request follows the chain", Member, [[Lead], [Hr]], 2 },
        { "an author at every step: decided as without a chain", Hr, [[Lead, Hr], [Hr]], 0 },
        { "an author missing from one step: the chain", Hr, [[Lead], [Hr]], 2 },
        { "an author at no step: the chain", Lead, [[Hr]], 1 },
        { "no chain stays none", Hr, [], 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Routes(string why, Guid submitter, Guid[][] steps, int expectedSteps)
    {
        var routed = OnBehalfRouting.Apply([.. steps.Select(s => Step(s))], Member, submitter);
        Assert.True(expectedSteps == routed.Count, why);
    }
}
