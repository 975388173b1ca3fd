using System.Text.Json;

namespace Arkoa.Core.Scim;

/// <summary>
/// Turns SCIM group requests into a <see cref="ScimGroupChange"/>: a POST's or PUT's resource, or a PATCH's operations
/// as Entra ID sends them (<c>{"op":"Add","path":"members","value":[{"value":"…"}]}</c>,
/// <c>{"op":"Remove","path":"members[value eq \"…\"]"}</c>) and Okta does (<c>replace</c> of <c>displayName</c>, members
/// added and removed by list). Unknown attributes are ignored; a member id that is no SCIM id is refused.
/// </summary>
public static class ScimGroupInterpreter
{
    /// <summary>At most this many members named in one request (a team is people who plan leave together).</summary>
    public const int MaxMembersPerRequest = 1000;

    public static (ScimGroupChange? Change, ScimError? Error) ReadResource(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, ScimError.InvalidSyntax("The body must be a JSON object."));
        if (ScimJson.CheckSchemas(body, ScimSchemas.Group) is { } schemaError) return (null, schemaError);
        var change = new ScimGroupChange();
        if (ApplyObject(change, body, ScimPatchOp.Replace) is { } error) return (null, error);
        if (string.IsNullOrEmpty(change.DisplayName)) return (null, ScimError.InvalidValue("displayName is required."));
        change.ReplaceMembers ??= [];
        return (change, null);
    }

    public static (ScimGroupChange? Change, ScimError? Error) ReadPatch(JsonElement body)
    {
        var (operations, frameError) = ScimPatchOperations.Read(body);
        if (frameError is not null) return (null, frameError);
        var change = new ScimGroupChange();
        foreach (var operation in operations!)
        {
            var error = operation.Path is { } path
                ? ApplyPath(change, operation.Op, path, operation.Value)
                : ApplyObject(change, operation.Value!.Value, operation.Op);
            if (error is not null) return (null, error);
        }
        return (change, null);
    }

    private static ScimError? ApplyObject(ScimGroupChange change, JsonElement attributes, ScimPatchOp op)
    {
        foreach (var property in attributes.EnumerateObject())
        {
            var (path, _) = ScimPath.Parse(property.Name);
            // Okta repeats the read-only id in a path-less replace: only an explicit path to it is refused.
            if (path is null || path.SubAttribute is not null || path.FilterAttribute is not null || path.Attribute is "id" or "meta") continue;
            var value = property.Value.ValueKind == JsonValueKind.Null ? (JsonElement?)null : property.Value;
            if (ApplyPath(change, op, path, value) is { } error) return error;
        }
        return null;
    }

    private static ScimError? ApplyPath(ScimGroupChange change, ScimPatchOp op, ScimPath path, JsonElement? value)
    {
        switch (path.Attribute)
        {
            case "displayname":
                if (op == ScimPatchOp.Remove || value is null) return ScimError.Mutability("displayName cannot be removed.");
                var (name, error) = ScimJson.ReadString(value.Value, "displayName", ScimGroupChange.DisplayNameMaxLength);
                if (error is not null) return error;
                if (name!.Length == 0) return ScimError.InvalidValue("displayName must not be empty.");
                change.DisplayName = name;
                return null;
            case "externalid":
                if (op == ScimPatchOp.Remove || value is null)
                {
                    change.ExternalIdSet = true;
                    change.ExternalId = null;
                    return null;
                }
                var (externalId, idError) = ScimJson.ReadString(value.Value, "externalId", ScimUserChange.ExternalIdMaxLength);
                if (idError is not null) return idError;
                change.ExternalIdSet = true;
                change.ExternalId = externalId!.Length == 0 ? null : externalId;
                return null;
            case "members":
                return ApplyMembers(change, op, path, value);
            case "id" or "meta":
                return ScimError.Mutability($"{path.Attribute} is read-only.");
            default:
                return null;
        }
    }

    private static ScimError? ApplyMembers(ScimGroupChange change, ScimPatchOp op, ScimPath path, JsonElement? value)
    {
        if (path.FilterAttribute is not null)
        {
            // members[value eq "…"]: only a remove names one member this way.
            if (path.FilterAttribute != "value" || op != ScimPatchOp.Remove) return ScimError.InvalidPath("Arkoa reads members[value eq \"…\"] in a remove only.");
            if (!Guid.TryParse(path.FilterValue, out var one)) return ScimError.InvalidValue($"\"{path.FilterValue}\" is not a user id of this service.");
            change.Remove(one);
            return null;
        }
        if (op == ScimPatchOp.Remove && value is null)
        {
            change.Replace([]);
            return null;
        }
        var (ids, error) = ReadMemberIds(value!.Value);
        if (error is not null) return error;
        switch (op)
        {
            case ScimPatchOp.Add:
                foreach (var id in ids!) change.Add(id);
                break;
            case ScimPatchOp.Remove:
                foreach (var id in ids!) change.Remove(id);
                break;
            default:
                change.Replace(ids!);
                break;
        }
        return null;
    }

    /// <summary><c>[{"value":"id"}, …]</c>, or one such object.</summary>
    private static (List<Guid>? Ids, ScimError? Error) ReadMemberIds(JsonElement value)
    {
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList()
            : value.ValueKind == JsonValueKind.Object ? [value]
            : null;
        if (items is null) return (null, ScimError.InvalidValue("members must be a list of {\"value\": \"<user id>\"}."));
        if (items.Count > MaxMembersPerRequest) return (null, ScimError.InvalidValue($"At most {MaxMembersPerRequest} members in one request."));
        var ids = new List<Guid>(items.Count);
        foreach (var item in items)
        {
            if (!ScimJson.TryGetProperty(item, "value", out var id) || id.ValueKind != JsonValueKind.String)
            {
                return (null, ScimError.InvalidValue("members must be a list of {\"value\": \"<user id>\"}."));
            }
            if (!Guid.TryParse(id.GetString(), out var guid)) return (null, ScimError.InvalidValue($"\"{Shorten(id.GetString()!)}\" is not a user id of this service."));
            ids.Add(guid);
        }
        return (ids, null);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
