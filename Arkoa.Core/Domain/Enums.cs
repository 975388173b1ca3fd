namespace Arkoa.Core.Domain;

// Member names are the wire and database values of the original Arkoa, so its clients keep working.
#pragma warning disable CA1707 // identifiers contain underscores: they are wire values

public enum LeaveStatus { PENDING, APPROVED, REJECTED, CANCELED }

public enum HalfDayPeriod { MORNING, AFTERNOON }

public enum LeaveBalanceHistoryType
{
    AUTO_CREDIT, MANUEL_CREDIT, LEAVE_REFUND, LEAVE_DEDUCTION, CARRY_FORWARD, EXPIRATION,
}

public enum UserRole { EMPLOYEE, MANAGER, ADMIN }

/// <summary>What a single-use token sent by e-mail is for.</summary>
public enum UserTokenPurpose { VERIFY_EMAIL, RESET_PASSWORD, CONFIRM_EMAIL_CHANGE, UNDO_EMAIL_CHANGE }
