namespace Arkoa.Core.Domain;

/// <summary>Every row has a UUID and UTC creation/update instants (set by the DbContext on save).</summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
