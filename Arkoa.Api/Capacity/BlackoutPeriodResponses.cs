using Arkoa.Api.Contracts;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Capacity;

/// <summary>A blackout period as the Api answers it (its team loaded, when it has one).</summary>
public static class BlackoutPeriodResponses
{
    public static BlackoutPeriodResponse ToResponse(this BlackoutPeriod period) =>
        new(period.Id, period.Name, period.TeamId, period.Team?.Name, period.StartDate, period.EndDate, period.LeaveTypes, period.Effect);
}
