using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Http;

/// <summary>
/// An address must be proven before it grants anything (issue 13): an unverified account signs in and sees its own
/// data, but creates no company, invites nobody and accepts no invitation.
/// </summary>
public static class VerifiedAccount
{
    public const string Required = "Confirm your e-mail address first: open the link we sent you, or ask for a new one.";

    public static Task<bool> IsEmailVerifiedAsync(this ArkoaDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.EmailVerified).SingleAsync(cancellationToken);

    public static ProblemHttpResult NotVerified() => Problems.Forbidden(ProblemCodes.EmailNotVerified, Required);
}
