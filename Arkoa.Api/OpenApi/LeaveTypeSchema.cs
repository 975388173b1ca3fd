using Arkoa.Core.Domain;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Arkoa.Api.OpenApi;

/// <summary>
/// Documents a <see cref="LeaveType"/> as what travels: a string code (the built-ins or a company's own), not the
/// struct that carries it in C#. Clients of the enum it replaced read the same string.
/// </summary>
public static class LeaveTypeSchema
{
    public static void Add(OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            var nullable = type == typeof(LeaveType?);
            if (type != typeof(LeaveType) && !nullable) return Task.CompletedTask;
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Pattern = LeaveType.Pattern;
            schema.Properties?.Clear();
            schema.Required?.Clear();
            schema.Description = "A leave type's code: a built-in (" + string.Join(", ", LeaveType.BuiltIn) + ") or one of the company's own.";
            return Task.CompletedTask;
        });
}
