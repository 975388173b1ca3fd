using System.Text.Json;

namespace Arkoa.Core.Scim;

/// <summary>What a PATCH operation does; RFC 7644 spells them add, replace, remove, and Entra ID sends Add, Replace, Remove.</summary>
public enum ScimPatchOp
{
    Add,
    Replace,
    Remove,
}

/// <summary>One operation of a PATCH body, its path parsed (null when the value carries the attributes).</summary>
public sealed record ScimPatchOperation(ScimPatchOp Op, ScimPath? Path, JsonElement? Value);

/// <summary>
/// Reads a PATCH body (RFC 7644 §3.5.2) into its operations, checking its frame only: the PatchOp schema, 1 to
/// <see cref="MaxOperations"/> operations, each a known op (any case), a readable path, a value where one is needed,
/// and no path-less remove. What the operations mean is the resource's own interpreter's job.
/// </summary>
public static class ScimPatchOperations
{
    /// <summary>Identity providers send a handful per request; a bound keeps a hostile body from costing much.</summary>
    public const int MaxOperations = 100;

    public static (IReadOnlyList<ScimPatchOperation>? Operations, ScimError? Error) Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, ScimError.InvalidSyntax("The body must be a JSON object."));
        if (ScimJson.CheckSchemas(body, ScimSchemas.PatchOp) is { } schemaError) return (null, schemaError);
        if (!ScimJson.TryGetProperty(body, "Operations", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return (null, ScimError.InvalidSyntax("The body must have an Operations array."));
        }
        var count = list.GetArrayLength();
        if (count == 0) return (null, ScimError.InvalidSyntax("Operations must hold at least one operation."));
        if (count > MaxOperations) return (null, ScimError.InvalidSyntax($"At most {MaxOperations} operations in one request."));

        var operations = new List<ScimPatchOperation>(count);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var (operation, error) = ReadOne(item, index++);
            if (error is not null) return (null, error);
            operations.Add(operation!);
        }
        return (operations, null);
    }

    private static ScimPatchOp? ParseOp(JsonElement op) =>
        op.ValueKind != JsonValueKind.String ? null : op.GetString()!.ToLowerInvariant() switch
        {
            "add" => ScimPatchOp.Add,
            "replace" => ScimPatchOp.Replace,
            "remove" => ScimPatchOp.Remove,
            _ => null,
        };

    private static (ScimPatchOperation? Operation, ScimError? Error) ReadOne(JsonElement item, int index)
    {
        if (item.ValueKind != JsonValueKind.Object) return (null, ScimError.InvalidSyntax($"Operations[{index}] must be an object."));
        if (!ScimJson.TryGetProperty(item, "op", out var opElement) || ParseOp(opElement) is not { } op)
        {
            return (null, ScimError.InvalidSyntax($"Operations[{index}].op must be add, replace or remove."));
        }
        ScimPath? path = null;
        if (ScimJson.TryGetProperty(item, "path", out var pathElement) && pathElement.ValueKind != JsonValueKind.Null)
        {
            if (pathElement.ValueKind != JsonValueKind.String) return (null, ScimError.InvalidPath($"Operations[{index}].path must be a string."));
            var (parsed, pathError) = ScimPath.Parse(pathElement.GetString()!);
            if (pathError is not null) return (null, pathError);
            path = parsed;
        }
        JsonElement? value = ScimJson.TryGetProperty(item, "value", out var v) && v.ValueKind != JsonValueKind.Null ? v : null;
        if (op == ScimPatchOp.Remove && path is null) return (null, ScimError.NoTarget($"Operations[{index}]: a remove needs a path."));
        if (op != ScimPatchOp.Remove && value is null) return (null, ScimError.InvalidValue($"Operations[{index}]: an {op.ToString().ToLowerInvariant()} needs a value."));
        if (op != ScimPatchOp.Remove && path is null && value!.Value.ValueKind != JsonValueKind.Object)
        {
            return (null, ScimError.InvalidValue($"Operations[{index}]: without a path, the value must be an object of attributes."));
        }
        return (new ScimPatchOperation(op, path, value), null);
    }
}
