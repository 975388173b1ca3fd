namespace Arkoa.Core.Domain;

/// <summary>
/// A company's approval chain (SPEC §11): the ordered steps a leave request goes through. A company has at most one; a
/// company without one keeps the single step of SPEC §10 (team managers and company managers, first decision wins).
/// </summary>
public sealed class ApprovalChain : Entity
{
    public const int NameMaxLength = 100;
    public const int MaxSteps = 10;

    public Guid CompanyId { get; set; }
    public required string Name { get; set; }

    /// <summary>The steps, in <see cref="ApprovalStep.Position"/> order once loaded.</summary>
    public List<ApprovalStep> Steps { get; set; } = [];
}
