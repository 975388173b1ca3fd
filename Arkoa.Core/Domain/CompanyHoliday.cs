namespace Arkoa.Core.Domain;

/// <summary>An extra closed day of one company, on top of its country's public holidays.</summary>
public sealed class CompanyHoliday : Entity
{
    public Guid CompanyId { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
}
