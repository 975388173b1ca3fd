using System.Security.Cryptography;
using Arkoa.Api.Auth;
using Arkoa.Api.Http;
using Arkoa.Core.Companies;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/companies/{companyId}/logo: an uploaded logo (PNG, JPEG or SVG ≤ 512 KiB), kept in the database as the PNG or
/// JPEG <see cref="LogoImage"/> drew from it.
/// </summary>
public static class CompanyLogoEndpoints
{
    /// <summary>
    /// Logos uploaded before SVGs were rasterised are still SVG documents, which could run script if opened on their own:
    /// they are served with a policy that allows only their own inline styles and sandboxes them.
    /// </summary>
    public const string SvgContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

    public static RouteGroupBuilder MapCompanyLogoEndpoints(this RouteGroupBuilder api)
    {
        var logo = api.MapGroup("/companies/{companyId:guid}/logo").WithTags("Companies")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        // A cross-site HTML form cannot send PUT, and cross-origin PUT needs a CORS preflight the Api never grants,
        // so the form-post forgery the antiforgery check guards against cannot reach this endpoint.
        logo.MapPut("/", Upload).WithName("UploadCompanyLogo").DisableAntiforgery()
            .WithSummary("Replaces the logo with a PNG, JPEG or SVG of 512 KiB at most, sent as the multipart field 'file' (admin).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        logo.MapGet("/", Download).WithName("GetCompanyLogo")
            .WithSummary("The company's logo: the PNG or JPEG Arkoa drew from the upload, or an SVG uploaded before that (any member).")
            .Produces<Stream>(StatusCodes.Status200OK, LogoImage.Png, LogoImage.Jpeg, LogoImage.Svg)
            .ProducesProblem(StatusCodes.Status404NotFound);
        logo.MapDelete("/", Remove).WithName("DeleteCompanyLogo")
            .WithSummary("Removes the company's logo (admin).");
        return api;
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Upload(
        Guid companyId, IFormFile? file, HttpContext context, ArkoaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller?.Role != UserRole.ADMIN) return Problems.Forbidden(ProblemCodes.AdminOnlyLogo, "Only an admin can change the logo.");
        if (file is null) return Problems.Field("file", ProblemCodes.LogoFileMissing, "Send the image as the multipart form field 'file'.");
        if (file.Length == 0) return Problems.Field("file", ProblemCodes.LogoEmpty, "The image is empty.");
        if (file.Length > Company.MaxLogoBytes) return Problems.Field("file", ProblemCodes.LogoTooLarge, $"The logo must be {Company.MaxLogoBytes / 1024} KiB or smaller.",
            new Dictionary<string, object?> { ["maxKib"] = Company.MaxLogoBytes / 1024 });

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }
        // What the bytes are decides, not the type the client declared; what is stored is an image Arkoa drew itself.
        var logo = LogoImage.Normalize(content);
        if (logo.Error is not null) return Problems.Field("file", logo.ErrorCode ?? ProblemCodes.LogoNotAnImage, logo.Error, logo.ErrorValues);

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Companies.Where(c => c.Id == companyId).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.Logo, logo.Content)
            .SetProperty(c => c.LogoContentType, logo.ContentType)
            .SetProperty(c => c.UpdatedAt, now), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null) return Problems.Forbidden(ProblemCodes.NotAMember, "You are not a member of this company.");
        var logo = await db.Companies.AsNoTracking().Where(c => c.Id == companyId)
            .Select(c => new { c.Logo, c.LogoContentType }).SingleOrDefaultAsync(cancellationToken);
        if (logo?.Logo is null || logo.LogoContentType is null) return Problems.NotFound(ProblemCodes.LogoNotFound, "The logo");

        var headers = context.Response.Headers;
        var extension = logo.LogoContentType switch { LogoImage.Png => "png", LogoImage.Jpeg => "jpg", _ => "svg" };
        headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = $"logo.{extension}" }.ToString();
        headers.CacheControl = "private, no-cache";
        if (logo.LogoContentType == LogoImage.Svg) headers.ContentSecurityPolicy = SvgContentSecurityPolicy;

        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(logo.Logo))[..32]}\"");
        return TypedResults.File(logo.Logo, logo.LogoContentType, entityTag: tag);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        Guid companyId, HttpContext context, ArkoaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller?.Role != UserRole.ADMIN) return Problems.Forbidden(ProblemCodes.AdminOnlyLogo, "Only an admin can change the logo.");
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Companies.Where(c => c.Id == companyId).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.Logo, (byte[]?)null)
            .SetProperty(c => c.LogoContentType, (string?)null)
            .SetProperty(c => c.UpdatedAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
