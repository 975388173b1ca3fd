using System.ComponentModel;
using Arkoa.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Arkoa.Api.Contracts;

/// <summary>?team= on the calendar, the stats, the company's leaves and the CSV exports (SPEC §10): one team and its sub-teams.</summary>
public sealed class TeamFilterQuery
{
    [FromQuery(Name = "team"), Description("A team's id: only the members of that team and of its sub-teams (404 for a team not of this company).")]
    public string? Team { get; init; }

    /// <summary>The team asked for, null for none; a value that is not a UUID is a field error.</summary>
    public Guid? Parse(FieldErrors errors)
    {
        QueryValues.TryGuid(Team, errors, "team", out var team);
        return team;
    }
}
