using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Memberships;

/// <summary>The invitation a mailed link belongs to, and whether the link is one it had before it was sent again.</summary>
public sealed record InvitationByLink(Invitation Invitation, bool Replaced)
{
    /// <summary>Null when no invitation ever had the link (unknown, or withdrawn with its old links).</summary>
    public static async Task<InvitationByLink?> FindAsync(
        ArkoaDbContext db, string tokenHash, CancellationToken cancellationToken, bool tracked = false)
    {
        var invitations = tracked ? db.Invitations : db.Invitations.AsNoTracking();
        if (await invitations.SingleOrDefaultAsync(i => i.TokenHash == tokenHash, cancellationToken) is { } current)
        {
            return new(current, Replaced: false);
        }
        var earlier = await db.ReplacedInvitationTokens.AsNoTracking().Where(t => t.TokenHash == tokenHash)
            .Join(invitations, t => t.InvitationId, i => i.Id, (t, i) => i)
            .SingleOrDefaultAsync(cancellationToken);
        return earlier is null ? null : new(earlier, Replaced: true);
    }
}
