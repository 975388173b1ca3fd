namespace Arkoa.Tests.Integration;

/// <summary>
/// Nobody adjusts their own balance (issue 13, separation of duties): a test whose only admin needs days on their own
/// balance has a second admin of the company credit them.
/// </summary>
public static class SecondAdmin
{
    /// <summary>Signs up another user and makes them an ADMIN of the company, through the kits.</summary>
    public static async Task<ApiSession> AnotherAdminAsync(this IArkoaApi app, ApiSession admin, string companyId)
    {
        var other = await ApiSession.SignUpAsync(app, "Second Admin");
        await admin.AddMemberAsync(companyId, other, "ADMIN");
        return other;
    }
}
