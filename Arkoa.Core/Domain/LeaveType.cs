using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Arkoa.Core.Domain;

// Field names are the wire and database values of the original Arkoa, so its clients keep working.
#pragma warning disable CA1707 // identifiers contain underscores: they are wire values

/// <summary>
/// A leave type's code: one of the 14 built-ins (<see cref="BuiltIn"/>) or a code a company gave a type of its own.
/// A value, not a closed enum, so that companies can add types; the facts about a type (its names, whether it uses a
/// balance…) are the company's <see cref="LeaveTypeDefinition"/> rows. On the wire and in the database it is the bare code.
/// </summary>
[JsonConverter(typeof(LeaveTypeJsonConverter))]
public readonly struct LeaveType : IEquatable<LeaveType>, IComparable<LeaveType>, IParsable<LeaveType>
{
    public const int MinLength = 2;
    public const int MaxLength = 20;

    /// <summary>What a code looks like (for documents such as the OpenAPI one): upper-case letters, digits and "_".</summary>
    public const string Pattern = "^[A-Z0-9_]{2,20}$";

    public static readonly LeaveType PAID = new("PAID");
    public static readonly LeaveType UNPAID = new("UNPAID");
    public static readonly LeaveType RTT = new("RTT");
    public static readonly LeaveType SICK = new("SICK");
    public static readonly LeaveType MATERNITY = new("MATERNITY");
    public static readonly LeaveType PATERNITY = new("PATERNITY");
    public static readonly LeaveType PARENTAL = new("PARENTAL");
    public static readonly LeaveType BEREAVEMENT = new("BEREAVEMENT");
    public static readonly LeaveType MARRIAGE = new("MARRIAGE");
    public static readonly LeaveType MOVING = new("MOVING");
    public static readonly LeaveType CHILD_SICK = new("CHILD_SICK");
    public static readonly LeaveType TRAINING = new("TRAINING");
    public static readonly LeaveType UNJUSTIFIED = new("UNJUSTIFIED");
    public static readonly LeaveType ADJUSTMENT = new("ADJUSTMENT");

    /// <summary>The types every company has, in the order the enum they replace listed them (lists and charts keep it).</summary>
    public static readonly IReadOnlyList<LeaveType> BuiltIn =
    [
        PAID, UNPAID, RTT, SICK, MATERNITY, PATERNITY, PARENTAL, BEREAVEMENT,
        MARRIAGE, MOVING, CHILD_SICK, TRAINING, UNJUSTIFIED, ADJUSTMENT,
    ];

    private readonly string? _code;

    public LeaveType(string code)
    {
        if (!IsWellFormed(code)) throw new ArgumentException($"'{code}' is not a leave type code ({Pattern}).", nameof(code));
        _code = code;
    }

    /// <summary>The code; empty only for <c>default</c>, which no valid data holds.</summary>
    public string Code => _code ?? "";

    public bool IsBuiltIn => BuiltIn.Contains(this);

    public static bool IsWellFormed([NotNullWhen(true)] string? code) =>
        code is { Length: >= MinLength and <= MaxLength } && code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');

    /// <summary>Reads a code as clients send it: trimmed and in any case, as the enum's reading was.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out LeaveType result)
    {
        var code = s?.Trim().ToUpperInvariant();
        result = IsWellFormed(code) ? new LeaveType(code) : default;
        return code is not null && result._code is not null;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out LeaveType result) => TryParse(s, null, out result);

    public static LeaveType Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var type) ? type : throw new FormatException($"'{s}' is not a leave type code ({Pattern}).");

    public static LeaveType Parse(string s) => Parse(s, null);

    public bool Equals(LeaveType other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is LeaveType other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Built-ins first in their historical order, then other codes alphabetically.</summary>
    public int CompareTo(LeaveType other)
    {
        var (mine, theirs) = (Rank(this), Rank(other));
        return mine != theirs ? mine.CompareTo(theirs) : string.CompareOrdinal(Code, other.Code);
    }

    private static int Rank(LeaveType type) => BuiltIn.IndexOf(type) is >= 0 and var i ? i : int.MaxValue;

    public override string ToString() => Code;

    public static bool operator ==(LeaveType left, LeaveType right) => left.Equals(right);

    public static bool operator !=(LeaveType left, LeaveType right) => !left.Equals(right);

    public static bool operator <(LeaveType left, LeaveType right) => left.CompareTo(right) < 0;

    public static bool operator <=(LeaveType left, LeaveType right) => left.CompareTo(right) <= 0;

    public static bool operator >(LeaveType left, LeaveType right) => left.CompareTo(right) > 0;

    public static bool operator >=(LeaveType left, LeaveType right) => left.CompareTo(right) >= 0;
}

internal static class LeaveTypeListExtensions
{
    public static int IndexOf(this IReadOnlyList<LeaveType> list, LeaveType type)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == type) return i;
        }
        return -1;
    }
}

/// <summary>Writes and reads a <see cref="LeaveType"/> as its bare code, as the enum it replaces was.</summary>
public sealed class LeaveTypeJsonConverter : JsonConverter<LeaveType>
{
    public override LeaveType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        // Any well-formed code: whether the company has it is a rule of the request (unknown-leave-type on its field).
        reader.TokenType == JsonTokenType.String && LeaveType.TryParse(reader.GetString(), out var type)
            // No message: the serializer then writes its own "could not be converted" one with the field's path.
            ? type : throw new JsonException();

    public override void Write(Utf8JsonWriter writer, LeaveType value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);

    public override LeaveType ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LeaveType.TryParse(reader.GetString(), out var type) ? type : throw new JsonException();

    public override void WriteAsPropertyName(Utf8JsonWriter writer, LeaveType value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Code);
}
