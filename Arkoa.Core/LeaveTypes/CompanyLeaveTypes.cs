using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.LeaveTypes;

/// <summary>
/// A company's leave types, read once for a request: its rows, and the built-in defaults for any built-in row it lacks
/// (a company a script made without them), so every built-in code always has its facts.
/// </summary>
public sealed class CompanyLeaveTypes
{
    private readonly Dictionary<LeaveType, LeaveTypeDefinition> _byCode;

    public CompanyLeaveTypes(Guid companyId, IEnumerable<LeaveTypeDefinition> rows)
    {
        _byCode = rows.ToDictionary(r => r.Code);
        foreach (var code in LeaveType.BuiltIn)
        {
            if (!_byCode.ContainsKey(code)) _byCode[code] = BuiltInLeaveTypes.Default(companyId, code)!;
        }
        All = [.. _byCode.Values.OrderBy(t => t.SortOrder).ThenBy(t => t.Code)];
        Sensitive = _byCode.Values.Where(t => t.Sensitive).Select(t => t.Code).ToHashSet();
    }

    /// <summary>Every type, archived ones included, in list order.</summary>
    public IReadOnlyList<LeaveTypeDefinition> All { get; }

    /// <summary>The types whose leaves colleagues see as "Absent".</summary>
    public IReadOnlySet<LeaveType> Sensitive { get; }

    public LeaveTypeDefinition? Find(LeaveType code) => _byCode.GetValueOrDefault(code);

    /// <summary>
    /// The first of <paramref name="codes"/> the company has no type for, as a refusal on <paramref name="field"/>[i]
    /// (a blackout period's or an approval step's list of types); null when it has them all.
    /// </summary>
    public DomainError? UnknownAmong(IReadOnlyList<LeaveType>? codes, string field)
    {
        for (var i = 0; i < (codes?.Count ?? 0); i++)
        {
            if (Find(codes![i]) is null) return LeaveTypeErrors.Unknown(codes[i]) with { Field = $"{field}[{i}]" };
        }
        return null;
    }

    /// <summary>Whether leaves of <paramref name="code"/> use a balance; false for a code the company does not have.</summary>
    public bool UsesBalance(LeaveType code) => Find(code)?.UsesBalance == true;

    public static async Task<CompanyLeaveTypes> LoadAsync(ArkoaDbContext db, Guid companyId, CancellationToken cancellationToken) =>
        new(companyId, await db.LeaveTypeDefinitions.AsNoTracking().Where(t => t.CompanyId == companyId).ToListAsync(cancellationToken));
}
