using System.ComponentModel.DataAnnotations;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

public sealed record CreateLeaveRequest(
    [property: Required] LeaveType? Type,
    [property: Required] DateOnly? StartDate,
    [property: Required] DateOnly? EndDate,
    HalfDayPeriod? StartHalf,
    HalfDayPeriod? EndHalf,
    HalfDayPeriod? HalfDayPeriod,
    [property: StringLength(Leave.TextMaxLength)] string? Reason);

public sealed record LeaveResponse(
    Guid Id, Guid MembershipId, LeaveType Type, DateOnly StartDate, DateOnly EndDate,
    HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf, decimal Days, LeaveStatus Status,
    string? Reason, string? ManagerNote, Guid? ReviewedById, DateTime? ReviewedAt, int Version, DateTime CreatedAt)
{
    public static LeaveResponse From(Leave l) => new(
        l.Id, l.MembershipId, l.Type, l.StartDate, l.EndDate, l.StartHalf, l.EndHalf, l.Days, l.Status,
        l.Reason, l.ManagerNote, l.ReviewedById, l.ReviewedAt, l.Version, l.CreatedAt);
}
