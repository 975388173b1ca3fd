namespace Arkoa.Core.Domain;

/// <summary>
/// A counter per company that database triggers raise in the same transaction as any change the company's calendar or
/// stats can show (leaves, memberships, balances, holidays, settings, member names). A cached view stored under one
/// value can never be served after a change has committed, on any replica, whoever made it (Api or Worker).
/// </summary>
public sealed class CompanyDataVersion
{
    public Guid CompanyId { get; set; }
    public long Version { get; set; }
}
