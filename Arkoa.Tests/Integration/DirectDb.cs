using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Writes straight to the AppHost's Postgres what a read-side test must set up and no endpoint of this branch
/// can: members of other roles, deactivation, review outcomes, company holidays, exact balances.
/// </summary>
public static class DirectDb
{
    /// <summary>Makes <paramref name="user"/> an active member of the company; returns the membership id.</summary>
    public static async Task<string> AddMemberAsync(this IArkoaApi app, string companyId, ApiSession user, string role = "EMPLOYEE")
    {
        var id = Guid.CreateVersion7();
        await app.ExecuteAsync(
            "INSERT INTO memberships (id, user_id, company_id, role, active, joined_on, created_at, updated_at) " +
            "VALUES (@id, @user, @company, @role, true, current_date, now(), now())",
            ("id", id), ("user", Guid.Parse(user.UserId)), ("company", Guid.Parse(companyId)), ("role", role));
        return id.ToString();
    }

    public static Task DeactivateAsync(this IArkoaApi app, string membershipId) =>
        app.ExecuteAsync("UPDATE memberships SET active = false, updated_at = now() WHERE id = @id", ("id", Guid.Parse(membershipId)));

    /// <summary>Sets a leave's status as a review or cancellation would (balances are not the point of these tests).</summary>
    public static Task SetLeaveStatusAsync(this IArkoaApi app, string leaveId, string status) =>
        app.ExecuteAsync("UPDATE leaves SET status = @status, version = version + 1, updated_at = now() WHERE id = @id",
            ("id", Guid.Parse(leaveId)), ("status", status));

    public static Task AddCompanyHolidayAsync(this IArkoaApi app, string companyId, DateOnly date, string name) =>
        app.ExecuteAsync(
            "INSERT INTO company_holidays (id, company_id, date, name, created_at, updated_at) VALUES (@id, @company, @date, @name, now(), now())",
            ("id", Guid.CreateVersion7()), ("company", Guid.Parse(companyId)), ("date", date), ("name", name));

    /// <summary>
    /// Sets a balance with its ledger entry (an adjustment by nobody, for the difference), as the database requires a
    /// balance to equal the sum of its entries; the entry's sequence and hashes come from the database's trigger.
    /// </summary>
    public static Task SetBalanceAsync(this IArkoaApi app, string membershipId, string type, decimal days) =>
        app.ExecuteAsync("""
            WITH balance AS (
                SELECT id, remaining_days FROM leave_balances WHERE membership_id = @membership AND type = @type FOR UPDATE),
            entry AS (
                INSERT INTO leave_balance_history (id, created_at, updated_at, leave_balance_id, change, reason, type)
                SELECT @entry, now(), now(), id, @days - remaining_days, 'Set by a test', 'MANUEL_CREDIT' FROM balance)
            UPDATE leave_balances b SET remaining_days = @days FROM balance WHERE b.id = balance.id
            """,
            ("membership", Guid.Parse(membershipId)), ("type", type), ("days", days), ("entry", Guid.CreateVersion7()));

    /// <summary>
    /// Appends a ledger entry of <paramref name="change"/> written at <paramref name="writtenAt"/> (UTC), with its balance,
    /// as a movement of that instant would: for tests of what a date's balance holds. The balance row must exist.
    /// </summary>
    public static Task AddLedgerEntryAtAsync(this IArkoaApi app, string membershipId, string type, decimal change, DateTime writtenAt) =>
        app.ExecuteAsync("""
            WITH balance AS (
                SELECT id FROM leave_balances WHERE membership_id = @membership AND type = @type FOR UPDATE),
            entry AS (
                INSERT INTO leave_balance_history (id, created_at, updated_at, leave_balance_id, change, reason, type)
                SELECT @entry, @at, @at, id, @change, 'Dated by a test', 'MANUEL_CREDIT' FROM balance)
            UPDATE leave_balances b SET remaining_days = remaining_days + @change FROM balance WHERE b.id = balance.id
            """,
            ("membership", Guid.Parse(membershipId)), ("type", type), ("change", change), ("at", DateTime.SpecifyKind(writtenAt, DateTimeKind.Utc)),
            ("entry", Guid.CreateVersion7()));

    private static async Task ExecuteAsync(this IArkoaApi app, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(await app.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
