using Arkoa.Core.Domain;

namespace Arkoa.Core.LeaveTypes;

/// <summary>The refusals a company's leave types cause, for a request of a type and for an admin managing them.</summary>
public static class LeaveTypeErrors
{
    private static DomainError Invalid(string code, string field, string message, IReadOnlyDictionary<string, object?>? values = null) =>
        new(code, DomainErrorKind.Validation, message, field, values);

    private static Dictionary<string, object?> Code(LeaveType type) => new() { ["leaveType"] = type.Code };

    /// <summary>A code the company has no type for.</summary>
    public static DomainError Unknown(LeaveType type) =>
        Invalid(ProblemCodes.UnknownLeaveType, "type", $"The company has no leave type {type.Code}.", Code(type));

    public static DomainError Archived(LeaveType type) =>
        Invalid(ProblemCodes.LeaveTypeArchived, "type", $"The leave type {type.Code} is archived: choose another one.", Code(type));

    /// <summary>Hours need work schedules, which do not exist yet.</summary>
    public static DomainError InHours(LeaveType type) => Invalid(ProblemCodes.LeaveTypeInHours, "type",
        $"The leave type {type.Code} is counted in hours, which requests cannot do until work schedules exist.", Code(type));

    public static DomainError WholeDays(LeaveType type, string field) =>
        Invalid(ProblemCodes.LeaveTypeWholeDays, field, $"The leave type {type.Code} is taken in whole days only.", Code(type));

    public static DomainError TooLong(LeaveType type, int max) => Invalid(ProblemCodes.LeaveTypeTooLong, "endDate",
        $"A leave of type {type.Code} counts at most {max} days.", new Dictionary<string, object?> { ["leaveType"] = type.Code, ["max"] = max });

    public static readonly DomainError AdminOnly =
        new(ProblemCodes.AdminOnlyLeaveTypes, DomainErrorKind.Forbidden, "Only an admin can manage the company's leave types.");

    public static readonly DomainError NotFound =
        new(ProblemCodes.LeaveTypeNotFound, DomainErrorKind.NotFound, "The leave type was not found.");

    public static DomainError CodeTaken(LeaveType type) => Invalid(ProblemCodes.LeaveTypeCodeTaken, "code",
        type.IsBuiltIn ? $"{type.Code} is a built-in leave type's code." : $"The company already has a leave type {type.Code}.", Code(type));

    public static DomainError InUse(LeaveType type) => new(ProblemCodes.LeaveTypeInUse, DomainErrorKind.Conflict,
        $"Leaves or balances use the leave type {type.Code}: archive it instead.", Values: Code(type));

    public static DomainError BuiltIn(LeaveType type) => new(ProblemCodes.LeaveTypeBuiltIn, DomainErrorKind.Conflict,
        $"{type.Code} is a built-in leave type: archive it instead.", Values: Code(type));

    /// <summary>Switching the balance on or off would leave the type's existing leaves with refunds that do not match.</summary>
    public static DomainError BalanceInUse(LeaveType type) => Invalid(ProblemCodes.LeaveTypeInUse, "usesBalance",
        $"Leaves or balances use the leave type {type.Code}: whether it uses a balance can no longer change.", Code(type));
}
