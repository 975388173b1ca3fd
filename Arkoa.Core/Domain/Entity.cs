namespace Arkoa.Core.Domain;

/// <summary>Every row has a UUID and UTC creation/update instants (set by the DbContext on save).</summary>
public abstract class Entity
{
    // EF reads and writes this field directly (its default access mode), so a row read from the database never makes
    // a UUID it would throw away: that cost ~10 % of the CPU of a 20-leave page. A new entity gets its UUIDv7 when its
    // Id is first read, or from EF's key generator when it is added untouched.
    private Guid _id;

    public Guid Id
    {
        get => _id == Guid.Empty ? _id = Guid.CreateVersion7() : _id;
        set => _id = value;
    }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
