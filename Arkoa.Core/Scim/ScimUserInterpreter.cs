using System.Text.Json;

namespace Arkoa.Core.Scim;

/// <summary>
/// Turns SCIM user requests into a <see cref="ScimUserChange"/>: a POST's or PUT's resource, or a PATCH's operations in
/// the shapes Entra ID (<c>{"op":"Replace","path":"active","value":"False"}</c>) and Okta
/// (<c>{"op":"replace","value":{"active":false}}</c>) send. Unknown attributes are ignored (see <see cref="ScimUserChange"/>);
/// a malformed value, a read-only attribute named by path, or a broken frame is the refusal.
/// </summary>
public static class ScimUserInterpreter
{
    /// <summary>A POST or PUT body: the User schema, a userName, and what else it carries.</summary>
    public static (ScimUserChange? Change, ScimError? Error) ReadResource(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, ScimError.InvalidSyntax("The body must be a JSON object."));
        if (ScimJson.CheckSchemas(body, ScimSchemas.User) is { } schemaError) return (null, schemaError);
        var change = new ScimUserChange();
        if (ApplyObject(change, body) is { } error) return (null, error);
        if (string.IsNullOrEmpty(change.UserName)) return (null, ScimError.InvalidValue("userName is required."));
        return (change, null);
    }

    /// <summary>A PATCH body.</summary>
    public static (ScimUserChange? Change, ScimError? Error) ReadPatch(JsonElement body)
    {
        var (operations, frameError) = ScimPatchOperations.Read(body);
        if (frameError is not null) return (null, frameError);
        var change = new ScimUserChange();
        foreach (var operation in operations!)
        {
            var error = operation.Path is { } path
                ? Apply(change, path.Attribute, path.SubAttribute, operation.Op == ScimPatchOp.Remove ? null : operation.Value, explicitPath: true)
                : ApplyObject(change, operation.Value!.Value);
            if (error is not null) return (null, error);
        }
        return (change, null);
    }

    private static ScimError? ApplyObject(ScimUserChange change, JsonElement attributes)
    {
        foreach (var property in attributes.EnumerateObject())
        {
            // Entra ID may name a sub-attribute as a key ("name.givenName"), as it would in a path.
            var (path, _) = ScimPath.Parse(property.Name);
            if (path is null) continue; // a key that is no attribute name is no attribute Arkoa keeps
            if (Apply(change, path.Attribute, path.SubAttribute, property.Value.ValueKind == JsonValueKind.Null ? null : property.Value, explicitPath: false) is { } error)
            {
                return error;
            }
        }
        return null;
    }

    /// <summary>Sets (or, with a null <paramref name="value"/>, removes) one attribute.</summary>
    private static ScimError? Apply(ScimUserChange change, string attribute, string? subAttribute, JsonElement? value, bool explicitPath)
    {
        var name = subAttribute is null ? attribute : $"{attribute}.{subAttribute}";
        switch (name)
        {
            case "active":
                if (value is not { } active) return null; // removing "active" leaves the membership as it is
                var (flag, flagError) = ScimJson.ReadBoolean(active, "active");
                change.Active = flag;
                return flagError;
            case "username":
                if (value is not { } userName) return ScimError.Mutability("userName cannot be removed.");
                var (text, textError) = ScimJson.ReadString(userName, "userName", ScimUserChange.UserNameMaxLength);
                if (textError is not null) return textError;
                if (text!.Length == 0) return ScimError.InvalidValue("userName must not be empty.");
                change.UserName = text;
                return null;
            case "externalid":
                return SetText(value, "externalId", ScimUserChange.ExternalIdMaxLength, t => { change.ExternalIdSet = true; change.ExternalId = t; });
            case "displayname":
                return SetText(value, "displayName", ScimUserChange.NameMaxLength, t => { change.DisplayNameSet = true; change.DisplayName = t; });
            case "name.givenname":
                return SetText(value, "name.givenName", ScimUserChange.NameMaxLength, t => { change.GivenNameSet = true; change.GivenName = t; });
            case "name.familyname":
                return SetText(value, "name.familyName", ScimUserChange.NameMaxLength, t => { change.FamilyNameSet = true; change.FamilyName = t; });
            case "name.formatted":
                return SetText(value, "name.formatted", ScimUserChange.NameMaxLength, t => { change.FormattedSet = true; change.Formatted = t; });
            case "name":
                if (value is not { } nameObject)
                {
                    change.GivenNameSet = change.FamilyNameSet = change.FormattedSet = true;
                    change.GivenName = change.FamilyName = change.Formatted = null;
                    return null;
                }
                if (nameObject.ValueKind != JsonValueKind.Object) return ScimError.InvalidValue("name must be an object.");
                foreach (var part in nameObject.EnumerateObject())
                {
                    if (Apply(change, "name", part.Name.ToLowerInvariant(), part.Value.ValueKind == JsonValueKind.Null ? null : part.Value, explicitPath) is { } error) return error;
                }
                return null;
            case "id" or "meta" when explicitPath:
                return ScimError.Mutability($"{attribute} is read-only.");
            default:
                return null; // an attribute Arkoa does not keep (emails, phone numbers, the enterprise extension, schemas…)
        }
    }

    private static ScimError? SetText(JsonElement? value, string attribute, int maxLength, Action<string?> set)
    {
        if (value is not { } element)
        {
            set(null);
            return null;
        }
        var (text, error) = ScimJson.ReadString(element, attribute, maxLength);
        if (error is not null) return error;
        set(text!.Length == 0 ? null : text);
        return null;
    }
}
