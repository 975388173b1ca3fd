using System.Globalization;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Http;

/// <summary>
/// Parses query-string values by hand, so a bad value becomes a 400 that names its parameter
/// (the framework's binder only says "Failed to bind parameter" without a field).
/// </summary>
public static class QueryValues
{
    /// <summary>An enum by its wire name, case-insensitively; numbers are refused (they are not wire values).</summary>
    public static bool TryEnum<T>(string? value, FieldErrors errors, string field, out T? result)
        where T : struct, Enum
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            errors.Set(field, ProblemCodes.InvalidChoice, $"{field} must be one of {string.Join(", ", Enum.GetNames<T>())}.",
                new Dictionary<string, object?> { ["allowed"] = Enum.GetNames<T>() });
            return false;
        }
        result = Enum.Parse<T>(name);
        return true;
    }

    /// <summary>A leave type's code, case-insensitively (a filter on a code the company does not have finds nothing).</summary>
    public static bool TryLeaveType(string? value, FieldErrors errors, string field, out LeaveType? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (!LeaveType.TryParse(value, out var type))
        {
            errors.Set(field, ProblemCodes.InvalidFormat, $"{field} must be a leave type's code: 2 to 20 of A-Z, 0-9 and _.");
            return false;
        }
        result = type;
        return true;
    }

    /// <summary>A calendar date written YYYY-MM-DD, within <see cref="DateBounds"/>.</summary>
    public static bool TryDate(string? value, FieldErrors errors, string field, out DateOnly? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Set(field, ProblemCodes.InvalidDate, $"{field} must be a date written YYYY-MM-DD.");
            return false;
        }
        if (!DateBounds.Contains(date))
        {
            errors.Set(field, ProblemCodes.DateOutOfRange, InputRefusals.DateOutOfBounds, InputRefusals.DateBoundsValues);
            return false;
        }
        result = date;
        return true;
    }

    /// <summary>A whole number within [min, max].</summary>
    public static bool TryInt(string? value, int min, int max, FieldErrors errors, string field, out int? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            errors.Set(field, ProblemCodes.OutOfRange, $"{field} must be a whole number from {min} to {max}.",
                new Dictionary<string, object?> { ["min"] = min, ["max"] = max });
            return false;
        }
        result = number;
        return true;
    }

    /// <summary>A UUID.</summary>
    public static bool TryGuid(string? value, FieldErrors errors, string field, out Guid? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (!Guid.TryParse(value.Trim(), out var id))
        {
            errors.Set(field, ProblemCodes.InvalidUuid, $"{field} must be a UUID.");
            return false;
        }
        result = id;
        return true;
    }
}
