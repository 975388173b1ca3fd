using Arkoa.Core.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Arkoa.Api.OpenApi;

/// <summary>
/// What the OpenAPI document says of personal API tokens and idempotency keys (issue 18, docs/integrations.md): the
/// <c>apiToken</c> bearer scheme on the company's operations with their 403 <c>token-scope-missing</c>, and the
/// <c>Idempotency-Key</c> header with its 409 and 422 on every write.
/// </summary>
public static class ApiTokenDocumentation
{
    public const string Scheme = "apiToken";
    private const string CompanyPrefix = "api/companies/{companyId}";

    public static void Add(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = ApiTokenSecret.Prefix + "…",
                Description = "A personal API token (POST /api/users/me/api-tokens), sent as Authorization: Bearer arkoa_pat_…. " +
                    "It acts as its owner in its one company, within its scopes: read (every GET), write (the owner's own leaves), " +
                    "approve (reviews, declined cancellations, balance adjustments, others' leaves), never beyond the owner's current role. " +
                    "Operations outside the company (the account, sessions, tokens) and the company's administration refuse tokens. " +
                    "See docs/integrations.md.",
            };
            // Here rather than per operation: a reference resolves only once the scheme is in the document.
            foreach (var (_, item) in document.Paths.Where(p => p.Key.StartsWith("/" + CompanyPrefix, StringComparison.Ordinal)))
            {
                foreach (var operation in item.Operations?.Values.ToList() ?? [])
                {
                    if (operation.Security is not { Count: > 0 }) continue; // anonymous: the calendar feed
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] });
                }
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var path = context.Description.RelativePath ?? "";
            var method = context.Description.HttpMethod ?? "GET";
            if (!path.StartsWith("api/", StringComparison.Ordinal)) return Task.CompletedTask;
            var anonymous = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
            operation.Responses ??= new OpenApiResponses();

            if (!anonymous && path.StartsWith(CompanyPrefix, StringComparison.Ordinal))
            {
                operation.Responses.TryAdd("403", new OpenApiResponse
                {
                    Description = "Forbidden; with an API token, token-scope-missing names the scope it lacks, token-not-allowed what no token may do.",
                });
            }
            if (!anonymous && !ApiTokenAccess.IsRead(method))
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyKey.Header, In = ParameterLocation.Header, Required = false,
                    Description = $"Optional: a repeat within 24 hours with the same key, method, path and body gets the first answer again " +
                        $"(header Idempotent-Replayed: true) without redoing the work. 1 to {IdempotencyKey.MaxLength} letters, digits, '-', '_', '.', ':'.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKey.MaxLength, Pattern = "^[A-Za-z0-9._:-]+$" },
                });
                operation.Responses.TryAdd("409", new OpenApiResponse { Description = "Conflict; idempotency-key-in-progress while the first request with this key runs." });
                operation.Responses.TryAdd("422", new OpenApiResponse { Description = "idempotency-key-reused: the key was used for another request." });
                operation.Responses.TryAdd("400", new OpenApiResponse { Description = "Invalid request; invalid-idempotency-key for a malformed key." });
            }
            return Task.CompletedTask;
        });
    }
}
