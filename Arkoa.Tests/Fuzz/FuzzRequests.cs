using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Arkoa.Tests.Fuzz;

/// <summary>One generated request: who sends it, to which operation, with what.</summary>
public sealed record FuzzRequest(ApiOperation Operation, string Caller, string Url, string? Json, byte[]? File)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Operation.Method), Url);
        if (Json is not null) message.Content = new StringContent(Json, Encoding.UTF8, "application/json");
        if (File is not null)
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(File), "file", "logo.png");
            message.Content = form;
        }
        return message;
    }

    public override string ToString() =>
        $"{Caller}: {Operation.Method} {Url}{(Json is null ? "" : " " + (Json.Length > 300 ? Json[..300] + "…" : Json))}{(File is null ? "" : $" [file of {File.Length} bytes]")}";
}

/// <summary>
/// CsCheck generators of requests from the OpenAPI document. A request starts from values that fit the schema and the
/// real company (so the endpoints' own rules run, not only the binder's), then most requests get one thing broken: a
/// wrong type, a missing or null field, an extreme number or date, a long or control-character string, broken JSON,
/// another company's or an unknown id. JSON cannot carry a lone surrogate as such: it is written as an escape.
/// </summary>
public sealed class FuzzRequests(ApiOperations operations, FuzzWorld world)
{
    private const string LoneSurrogate = "__lone_surrogate__";

    private static readonly string[] ValidDates = ["2031-02-03", "2031-02-04", "2031-02-05", "2031-02-07", "2031-03-03", "2027-06-01"];

    private static readonly string[] BrokenDates =
        ["1899-12-31", "2200-01-01", "0001-01-01", "9999-12-31", "2031-02-30", "2031-13-01", "31/12/2031", "", "1900-01-01", "2199-12-31"];

    // Hostile strings, as they reach the Api once decoded; control characters first among them.
    private static readonly string[] HostileText =
    [
        "\0", "a\0b", "fuzz\0@example.test", "\u0001", "\u001b[2J", "\u007f", "\u0085", "line\nbreak", "tab\there", LoneSurrogate,
        "", " ", "\uFFFF", "'; DROP TABLE users; --", "<script>alert(1)</script>", "../../etc/passwd", "${jndi:ldap://x}",
        "=cmd|'/c calc'!A1", new string('x', 5_000), "😀",
    ];

    // The same for query and route values, percent-encoded (%ED%A0%80 is a surrogate in UTF-8, %FF no UTF-8 at all).
    private static readonly string[] HostileEncoded =
    [
        "%00", "a%00b", "%01", "%1B%5B2J", "line%0Abreak", "%7F", "%C2%85", "%ED%A0%80", "%FF", "", "%25", "..%2F..%2Fetc",
        "%3Cscript%3E", new string('x', 3_000), "-1", "0", "2147483648", "1e400", "null", "abc", "9999-12-31", "0001-01-01", "2031-02-30",
    ];

    private static readonly string[] BrokenBodies = ["{", "[]", "null", "\"text\"", "", "{\"type\":", "[1,2,3]", "{}", "42"];

    private static readonly Func<JsonNode?>[] WrongTypes =
    [
        () => 0, () => -1, () => int.MaxValue, () => long.MinValue, () => 1e308, () => -1e-308, () => 0.5m, () => true,
        () => new JsonArray(), () => new JsonObject(), () => "true",
    ];

    /// <summary>A request to <paramref name="operation"/>.</summary>
    public Gen<FuzzRequest> For(ApiOperation operation) =>
        Gen.Select(Caller, Path(operation), Query(operation), Body(operation),
            (caller, path, query, body) => new FuzzRequest(operation, caller, path + query, body.Json, body.File));

    private static Gen<string> Caller =>
        Gen.Frequency((5, Gen.Const("admin")), (3, Gen.Const("manager")), (3, Gen.Const("employee")), (1, Gen.Const("anonymous")));

    private Gen<string> Path(ApiOperation operation)
    {
        var path = Gen.Const(operation.PathTemplate);
        foreach (var parameter in operation.PathParameters)
        {
            var value = PathValue(parameter);
            path = path.SelectMany(template => value.Select(v => template.Replace("{" + parameter.Name + "}", v)));
        }
        return path;
    }

    // Mostly the real company's ids; sometimes another company's, an unknown one, or no id at all.
    private Gen<string> PathValue(ApiParameter parameter)
    {
        var (own, foreign) = parameter.Name switch
        {
            "companyId" => ([world.Team.CompanyId], [world.Other.CompanyId]),
            "membershipId" => ([world.Team.AdminMembershipId, world.Team.ManagerMembershipId, world.Team.EmployeeMembershipId],
                [world.Other.EmployeeMembershipId]),
            "leaveId" => (world.LeaveIds.ToArray(), [world.OtherLeaveId]),
            "holidayId" => ([world.HolidayId], Array.Empty<string>()),
            _ => (Array.Empty<string>(), Array.Empty<string>()),
        };
        var unknown = Gen.Guid.Select(g => g.ToString());
        if (!IsUuid(parameter.Schema))
        {
            return Gen.Frequency((3, Gen.String[Gen.Char.AlphaNumeric, 1, 50]), (2, Gen.OneOf(HostileEncoded)), (1, unknown));
        }
        var choices = new List<(int, IGen<string>)> { (1, unknown), (1, Gen.OneOf("not-a-uuid", "%00", "%1B")) };
        if (own.Length > 0) choices.Add((10, Gen.OneOf(own)));
        if (foreign.Length > 0) choices.Add((1, Gen.OneOf(foreign)));
        return Gen.Frequency(choices.ToArray());
    }

    // Each parameter sent or not with a fitting value; then most of the time one of them replaced by a hostile one.
    private Gen<string> Query(ApiOperation operation)
    {
        var parameters = operation.QueryParameters;
        if (parameters.Count == 0) return Gen.Const("");
        var values = Gen.Const(new List<(string Name, string? Value)>());
        foreach (var parameter in parameters)
        {
            var value = Gen.Frequency((1, Gen.Const((string?)null)), (3, QueryValue(parameter).Select(v => (string?)v)));
            values = values.SelectMany(list => value.Select(v => (List<(string, string?)>)[.. list, (parameter.Name, v)]));
        }
        // Two requests in three have one parameter broken.
        var which = Gen.Frequency((1, Gen.Const(-1)), (2, Gen.Int[0, parameters.Count - 1]));
        return Gen.Select(values, which, Gen.OneOf(HostileEncoded), (list, index, hostile) =>
        {
            if (index >= 0) list[index] = (list[index].Name, hostile);
            var sent = list.Where(p => p.Value is not null).Select(p => $"{p.Name}={p.Value}").ToList();
            return sent.Count == 0 ? "" : "?" + string.Join("&", sent);
        });
    }

    private Gen<string> QueryValue(ApiParameter parameter) => parameter.Name switch
    {
        "page" => Gen.OneOf("1", "2"),
        "pageSize" => Gen.OneOf("1", "20", "200"),
        "status" => Gen.OneOf("PENDING", "APPROVED", "REJECTED", "CANCELED"),
        "from" or "startDate" => Gen.OneOf(ValidDates[..3]),
        "to" or "endDate" => Gen.OneOf(ValidDates[2..5]),
        "startHalf" => Gen.Const("AFTERNOON"),
        "endHalf" => Gen.Const("MORNING"),
        "year" => Gen.OneOf("2031", "2027"),
        "month" => Gen.Int[1, 12].Select(m => m.ToString()),
        "companyId" => Gen.Frequency((8, Gen.Const(world.Team.CompanyId)), (1, Gen.Const(world.Other.CompanyId))),
        "token" => Gen.Frequency((3, Gen.Const(Uri.EscapeDataString(world.FeedToken))), (1, Gen.String[Gen.Char.AlphaNumeric, 10, 60])),
        _ => Enum(operations.Resolve(parameter.Schema)) is { } names ? Gen.OneOf(names) : Gen.String[Gen.Char.AlphaNumeric, 1, 20],
    };

    private Gen<(string? Json, byte[]? File)> Body(ApiOperation operation)
    {
        if (operation.FileBody)
        {
            return Gen.OneOf<byte[]>(Gen.Byte.Array[0, 2_000],
                    Gen.Const("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray()),
                    Gen.Const(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 }))
                .Select(bytes => ((string?)null, (byte[]?)bytes));
        }
        if (operation.JsonBody is not { } schema) return Gen.Const(((string?)null, (byte[]?)null));
        var fitting = Fitting(schema, "body", depth: 0);
        return Gen.Frequency(
                (4, fitting.Select(Serialize)),
                (8, Gen.Select(fitting, Gen.Int[0, 1_000], Broken, Mutate).Select(Serialize)),
                (2, Gen.Select(fitting, Gen.Int[0, 1_000], Broken, Gen.Int[0, 1_000], Broken,
                    (body, i, a, j, b) => Mutate(Mutate(body, i, a), j, b)).Select(Serialize)),
                (1, Gen.Const((string?)null)),
                (1, Gen.OneOf(BrokenBodies).Select(b => (string?)b)))
            .Select(json => ((string?)json, (byte[]?)null));
    }

    // One property of the body removed, nulled or replaced (the index picks which; beyond the count, none).
    private static JsonNode? Mutate(JsonNode? body, int index, JsonNode? replacement)
    {
        if (body is not JsonObject fields || fields.Count == 0) return replacement;
        var name = fields.ElementAt(index % fields.Count).Key;
        if (index % 3 == 0) fields.Remove(name);
        else fields[name] = replacement;
        return fields;
    }

    private static Gen<JsonNode?> Broken => Gen.Frequency(
        (1, Gen.Const((JsonNode?)null)),
        (2, Gen.OneOf(WrongTypes).Select(make => make())),
        (5, Gen.OneOf(HostileText).Select(t => (JsonNode?)JsonValue.Create(t))),
        (2, Gen.OneOf(BrokenDates).Select(d => (JsonNode?)JsonValue.Create(d))));

    private static string? Serialize(JsonNode? node) =>
        (node?.ToJsonString() ?? "null").Replace($"\"{LoneSurrogate}\"", "\"\\ud800\"", StringComparison.Ordinal);

    /// <summary>A value that fits <paramref name="schema"/> (and the real company, for ids and dates).</summary>
    private Gen<JsonNode?> Fitting(JsonElement schema, string name, int depth)
    {
        schema = operations.Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object) return Text(name);
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var choices))
            {
                var options = choices.EnumerateArray().Where(c => !IsNull(c)).ToList();
                return options.Count == 0 ? Gen.Const((JsonNode?)null) : Fitting(options[0], name, depth);
            }
        }
        if (Enum(schema) is { } names) return Gen.OneOf(names).Select(v => (JsonNode?)JsonValue.Create(v));
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return (Type(schema), format) switch
        {
            ("object", _) when depth < 3 => Object(schema, depth),
            ("array", _) when depth < 3 && schema.TryGetProperty("items", out var items) =>
                Fitting(items, name, depth + 1).Array[1, 3].Select(a => (JsonNode?)new JsonArray(a)),
            ("integer", _) => (name == "version" ? Gen.Int[0, 3] : Gen.Int[0, 30]).Select(i => (JsonNode?)JsonValue.Create(i)),
            ("number", _) => Gen.Int[-4, 10].Select(i => (JsonNode?)JsonValue.Create(i / 2m)),
            ("boolean", _) => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            (_, "uuid") => Gen.OneOf(world.Team.AdminMembershipId, world.Team.ManagerMembershipId, world.Team.EmployeeMembershipId)
                .Select(s => (JsonNode?)JsonValue.Create(s)),
            // A start on or before the end, most of the time.
            (_, "date") => Gen.OneOf(name == "endDate" ? ValidDates[2..5] : name == "startDate" ? ValidDates[..3] : ValidDates)
                .Select(d => (JsonNode?)JsonValue.Create(d)),
            (_, "date-time") => Gen.Const((JsonNode?)JsonValue.Create("2031-02-03T10:00:00Z")),
            _ => Text(name),
        };
    }

    private Gen<JsonNode?> Object(JsonElement schema, int depth)
    {
        var result = Gen.Const(new List<(string, JsonNode?)>());
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                // Every field is sent (a mutation removes one), but the half-day ones one time in four: together they
                // are valid in a few shapes only.
                var fitting = Fitting(property.Value, property.Name, depth + 1).Select(v => (Sent: true, Value: v));
                var value = property.Name is "startHalf" or "endHalf" or "halfDayPeriod"
                    ? Gen.Frequency((1, fitting), (3, Gen.Const((false, (JsonNode?)null))))
                    : fitting;
                result = result.SelectMany(list => value.Select(v => v.Item1 ? (List<(string, JsonNode?)>)[.. list, (property.Name, v.Item2)] : list));
            }
        }
        return result.Select(list =>
        {
            var node = new JsonObject();
            foreach (var (key, value) in list) node[key] = value;
            return (JsonNode?)node;
        });
    }

    // Plain strings, shaped by what the field's name says it holds.
    private static Gen<JsonNode?> Text(string name) => (name switch
    {
        "email" => Gen.Int[0, 1_000_000].Select(i => $"fuzz-{i}@example.test"),
        "password" or "newPassword" or "currentPassword" => Gen.OneOf("correct horse 42", "short", "invited pass 7"),
        "language" => Gen.OneOf("fr", "en"),
        "timeZone" => Gen.OneOf("Europe/Paris", "America/New_York"),
        "holidayCountry" => Gen.OneOf("FR", "FR-ALSACE-MOSELLE", "FR-974"),
        "carryOverExpiresOn" => Gen.OneOf("05-31", "12-31"),
        "logoUrl" => Gen.OneOf("https://example.test/logo.png", ""),
        "token" => Gen.String[Gen.Char.AlphaNumeric, 10, 60],
        "reason" or "managerNote" => Gen.OneOf("Family matters", "Line one\r\nline two", "Rendez-vous médical"),
        _ => Gen.Int[0, 1_000_000].Select(i => $"Fuzz {name} {i}"),
    }).Select(s => (JsonNode?)JsonValue.Create(s));

    private static bool IsUuid(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) && format.GetString() == "uuid";

    private static string? Type(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type)) return schema.TryGetProperty("properties", out _) ? "object" : null;
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }

    private static bool IsNull(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    private static string[]? Enum(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values)
            ? values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
            : null;
}
