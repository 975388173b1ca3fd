using Npgsql;
using NpgsqlTypes;

namespace Arkoa.Bench.Generation;

/// <summary>
/// The teams of a generated company (SPEC §10), as a company moving from a flat list would set them up: the default team
/// holding every member, managed by the company's managers (as every company gets), and <see cref="GeneratorOptions.TeamsPerCompany"/>
/// teams of equal size, each member in one of them as their primary team by their position in the company, each team
/// managed by its first employee. So the first employees of a company — those the load signs in — each manage a team.
/// </summary>
public static class TeamGenerator
{
    /// <summary>A member's position in their company and role, and the company's id.</summary>
    public sealed record Member(Guid MembershipId, Guid CompanyId, int Position, Arkoa.Core.Domain.UserRole Role);

    /// <summary>Writes the teams, their members and managers; returns each member's primary team.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Guid>> WriteAsync(NpgsqlConnection connection, IReadOnlyList<(Guid Id, string Name)> companies,
        IReadOnlyList<Member> members, int teamsPerCompany, DateTime created, Random rng, CancellationToken cancellationToken)
    {
        var teams = new List<(Guid Id, Guid Company, string Name, bool IsDefault)>();
        var defaultTeam = new Dictionary<Guid, Guid>();
        var teamAt = new Dictionary<(Guid Company, int Index), Guid>();
        foreach (var (id, name) in companies)
        {
            defaultTeam[id] = Ids.Next(rng);
            teams.Add((defaultTeam[id], id, name, true));
            for (var t = 0; t < teamsPerCompany; t++)
            {
                teamAt[(id, t)] = Ids.Next(rng);
                teams.Add((teamAt[(id, t)], id, $"Team {t + 1:D2}", false));
            }
        }
        var primary = new Dictionary<Guid, Guid>();
        var teamMembers = new List<(Guid Team, Guid Member, bool Primary)>();
        var managers = new List<(Guid Team, Guid Member)>();
        foreach (var member in members)
        {
            teamMembers.Add((defaultTeam[member.CompanyId], member.MembershipId, teamsPerCompany == 0));
            if (member.Role != Arkoa.Core.Domain.UserRole.EMPLOYEE) managers.Add((defaultTeam[member.CompanyId], member.MembershipId));
            if (teamsPerCompany == 0) continue;
            var team = teamAt[(member.CompanyId, member.Position % teamsPerCompany)];
            primary[member.MembershipId] = team;
            teamMembers.Add((team, member.MembershipId, true));
        }
        if (teamsPerCompany > 0)
        {
            managers.AddRange(members.Where(m => m.Role == Arkoa.Core.Domain.UserRole.EMPLOYEE)
                .GroupBy(m => primary[m.MembershipId]).Select(g => (g.Key, g.MinBy(m => m.Position)!.MembershipId)));
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY teams (id, company_id, name, parent_team_id, is_default, created_at, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (id, company, name, isDefault) in teams)
            {
                await copy.WriteRowAsync(cancellationToken, id, company, name, DBNull.Value, isDefault, created, created);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY team_members (id, team_id, membership_id, is_primary, created_at, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (team, member, isPrimary) in teamMembers)
            {
                await copy.WriteRowAsync(cancellationToken, Ids.Next(rng), team, member, isPrimary, created, created);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY team_managers (id, team_id, membership_id, created_at, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (team, member) in managers)
            {
                await copy.WriteRowAsync(cancellationToken, Ids.Next(rng), team, member, created, created);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        return primary;
    }
}
