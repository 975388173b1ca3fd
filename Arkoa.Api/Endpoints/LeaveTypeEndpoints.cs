using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.LeaveTypes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/companies/{companyId}/leave-types: the company's leave types (issue 17). Every member reads them (the request
/// form, the calendar's names and colours); only an admin adds, edits, archives or deletes one (<see cref="LeaveTypeChanges"/>).
/// </summary>
public static class LeaveTypeEndpoints
{
    public static RouteGroupBuilder MapLeaveTypeEndpoints(this RouteGroupBuilder api)
    {
        var types = api.MapGroup("/companies/{companyId:guid}/leave-types").WithTags("Leave types")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        types.MapGet("/", List).WithName("ListLeaveTypes")
            .WithSummary("The company's leave types, archived ones included, in list order (any member).");
        types.MapPost("/", Create).WithName("CreateLeaveType")
            .WithSummary("Adds a leave type under a new code; one that uses a balance gives every active member an empty one (admin).")
            .ProducesValidationProblem();
        types.MapPut("/{code}", Update).WithName("UpdateLeaveType")
            .WithSummary("Sets every field of a leave type but its code; a used type keeps whether it uses a balance (admin).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        types.MapDelete("/{code}", Delete).WithName("DeleteLeaveType")
            .WithSummary("Deletes a type of the company's own that no leave or balance uses; archive the others (admin).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        types.MapPost("/{code}/archive", Archive).WithName("ArchiveLeaveType")
            .WithSummary("Archives a leave type: no new request takes it, its leaves stay and display (admin).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        types.MapPost("/{code}/unarchive", Unarchive).WithName("UnarchiveLeaveType")
            .WithSummary("Brings an archived leave type back to requests (admin).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<LeaveTypeResponse>>, ProblemHttpResult>> List(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken) is null) return Problems.Forbidden();
        var types = await CompanyLeaveTypes.LoadAsync(db, companyId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LeaveTypeResponse>>([.. types.All.Select(LeaveTypeResponse.From)]);
    }

    private static async Task<Results<Created<LeaveTypeResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid companyId, CreateLeaveTypeRequest request, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var existing = await CompanyLeaveTypes.LoadAsync(db, companyId, cancellationToken);
        var (row, error) = LeaveTypeChanges.Create(companyId, request.Code!.Value, request.Fields(), existing);
        if (error is not null) return error.ToProblem();

        db.LeaveTypeDefinitions.Add(row!);
        if (row!.UsesBalance) await AddEmptyBalancesAsync(db, companyId, row.Code, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return LeaveTypeErrors.CodeTaken(row.Code).ToProblem(); // a concurrent request added the same code first
        }
        return TypedResults.Created($"/api/companies/{companyId}/leave-types/{row.Code}", LeaveTypeResponse.From(row));
    }

    private static async Task<Results<Ok<LeaveTypeResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid companyId, string code, LeaveTypeRequest request, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var row = await RowAsync(db, companyId, code, cancellationToken);
        if (row is null) return LeaveTypeErrors.NotFound.ToProblem();
        var switchedOn = request.UsesBalance && !row.UsesBalance;
        if (LeaveTypeChanges.Edit(row, request.Fields(), await InUseAsync(db, companyId, row.Code, cancellationToken)) is { } error)
        {
            return error.ToProblem();
        }
        if (switchedOn) await AddEmptyBalancesAsync(db, companyId, row.Code, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(LeaveTypeResponse.From(row));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid companyId, string code, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var row = await RowAsync(db, companyId, code, cancellationToken);
        if (row is null) return LeaveTypeErrors.NotFound.ToProblem();
        if (LeaveTypeChanges.DeleteRefusal(row, await InUseAsync(db, companyId, row.Code, cancellationToken)) is { } error) return error.ToProblem();
        db.LeaveTypeDefinitions.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<Results<Ok<LeaveTypeResponse>, ProblemHttpResult>> Archive(
        Guid companyId, string code, HttpContext context, ArkoaDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        SetArchivedAsync(companyId, code, archived: true, context, db, clock, cancellationToken);

    private static Task<Results<Ok<LeaveTypeResponse>, ProblemHttpResult>> Unarchive(
        Guid companyId, string code, HttpContext context, ArkoaDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        SetArchivedAsync(companyId, code, archived: false, context, db, clock, cancellationToken);

    private static async Task<Results<Ok<LeaveTypeResponse>, ProblemHttpResult>> SetArchivedAsync(
        Guid companyId, string code, bool archived, HttpContext context, ArkoaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var row = await RowAsync(db, companyId, code, cancellationToken);
        if (row is null) return LeaveTypeErrors.NotFound.ToProblem();
        LeaveTypeChanges.SetArchived(row, archived, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(LeaveTypeResponse.From(row));
    }

    private static async Task<ProblemHttpResult?> AdminRefusalAsync(ArkoaDbContext db, Guid companyId, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        return caller is null ? Problems.Forbidden() : caller.Role != UserRole.ADMIN ? LeaveTypeErrors.AdminOnly.ToProblem() : null;
    }

    /// <summary>The company's row for <paramref name="code"/>, tracked; a built-in's missing row (a scripted company) is made from its defaults.</summary>
    private static async Task<LeaveTypeDefinition?> RowAsync(ArkoaDbContext db, Guid companyId, string code, CancellationToken cancellationToken)
    {
        if (!LeaveType.TryParse(code, out var type)) return null;
        var row = await db.LeaveTypeDefinitions.SingleOrDefaultAsync(t => t.CompanyId == companyId && t.Code == type, cancellationToken);
        if (row is null && BuiltInLeaveTypes.Default(companyId, type) is { } missing) db.LeaveTypeDefinitions.Add(row = missing);
        return row;
    }

    /// <summary>A leave (deleted ones too: their history names the type) or a balance of the type exists in the company.</summary>
    private static async Task<bool> InUseAsync(ArkoaDbContext db, Guid companyId, LeaveType type, CancellationToken cancellationToken) =>
        await db.Leaves.AnyAsync(l => l.Type == type && l.Membership!.CompanyId == companyId, cancellationToken)
        || await db.LeaveBalances.AnyAsync(b => b.Type == type && db.Memberships.Any(m => m.Id == b.MembershipId && m.CompanyId == companyId), cancellationToken);

    /// <summary>Every active member gets an empty balance of a type that now uses one, as PAID and RTT have from joining.</summary>
    private static async Task AddEmptyBalancesAsync(ArkoaDbContext db, Guid companyId, LeaveType type, CancellationToken cancellationToken)
    {
        var members = await db.Memberships.Where(m => m.CompanyId == companyId && m.Active
            && !db.LeaveBalances.Any(b => b.MembershipId == m.Id && b.Type == type)).Select(m => m.Id).ToListAsync(cancellationToken);
        db.LeaveBalances.AddRange(members.Select(id => new LeaveBalance { MembershipId = id, Type = type, RemainingDays = 0 }));
    }
}
