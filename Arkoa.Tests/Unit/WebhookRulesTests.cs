using System.Text.Json;
using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;

namespace Arkoa.Tests.Unit;

/// <summary>Webhook endpoints' rules, the envelope's shape and the retry delays.</summary>
public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData(UserRole.ADMIN, true, true)]
    [InlineData(UserRole.ADMIN, false, false)]
    [InlineData(UserRole.MANAGER, true, false)]
    [InlineData(UserRole.EMPLOYEE, true, false)]
    public void Only_an_active_admin_manages_webhooks(UserRole role, bool active, bool allowed)
    {
        var error = WebhookRules.CheckManager(new Membership { Role = role, Active = active });
        Assert.Equal(allowed, error is null);
        if (!allowed) Assert.Equal(ProblemCodes.AdminOnlyWebhooks, error!.Code);
        Assert.NotNull(WebhookRules.CheckManager(null));
    }

    [Fact]
    public void Events_are_kept_once_in_the_catalogue_order()
    {
        var (events, error) = WebhookRules.Check("https://hooks.example.com/", null,
            [WebhookEventTypes.MemberLeft, WebhookEventTypes.LeaveSubmitted, WebhookEventTypes.MemberLeft], false, creating: true);
        Assert.Null(error);
        Assert.Equal([WebhookEventTypes.LeaveSubmitted, WebhookEventTypes.MemberLeft], events);
    }

    [Fact]
    public void Each_refusal_names_its_field_and_code()
    {
        static DomainError? Check(string? url, string? description, string[]? events, bool creating = true) =>
            WebhookRules.Check(url, description, events, false, creating).Error;
        string[] ok = [WebhookEventTypes.LeaveApproved];
        Assert.Equal(("url", ProblemCodes.Required), Pair(Check(null, null, ok)));
        Assert.Equal(("url", ProblemCodes.WebhookUrlNotAllowed), Pair(Check("http://hooks.example.com", null, ok)));
        Assert.Equal("https-required", Check("http://hooks.example.com", null, ok)!.ValuesOrEmpty["reason"]);
        Assert.Equal(("description", ProblemCodes.TooLong), Pair(Check("https://hooks.example.com", new string('d', 201), ok)));
        Assert.Equal(("events", ProblemCodes.Required), Pair(Check("https://hooks.example.com", null, null)));
        Assert.Equal(("events", ProblemCodes.Required), Pair(Check("https://hooks.example.com", null, [])));
        Assert.Equal(("events", ProblemCodes.InvalidChoice), Pair(Check("https://hooks.example.com", null, ["ping"])));
        // An update leaves out what does not change.
        Assert.Null(Check(null, null, null, creating: false));
    }

    [Fact]
    public void The_envelope_is_versioned_camel_case_json_with_the_event_and_its_data()
    {
        var id = Guid.NewGuid();
        var company = Guid.NewGuid();
        var body = WebhookEnvelope.Serialize(id, WebhookEventTypes.LeaveApproved, new DateTime(2027, 1, 2, 3, 4, 5, DateTimeKind.Utc), company,
            new LeaveEventData(Guid.NewGuid(), Guid.NewGuid(), "Ada", null, true, new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 2),
                null, "MORNING", 1.5m, "APPROVED", false));
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(["id", "type", "version", "createdAt", "companyId", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, root.GetProperty("id").GetGuid());
        Assert.Equal("leave.approved", root.GetProperty("type").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("2027-01-02T03:04:05Z", root.GetProperty("createdAt").GetString());
        var data = root.GetProperty("data");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("type").ValueKind);
        Assert.True(data.GetProperty("typeHidden").GetBoolean());
        Assert.Equal("2027-02-01", data.GetProperty("startDate").GetString());
        Assert.Equal(1.5m, data.GetProperty("days").GetDecimal());
        Assert.False(data.TryGetProperty("reason", out _));
    }

    [Fact]
    public void Retries_back_off_exponentially_with_jitter_up_to_the_cap()
    {
        var first = TimeSpan.FromSeconds(10);
        var max = TimeSpan.FromMinutes(30);
        Assert.Equal(TimeSpan.FromSeconds(5), WebhookRetry.Delay(1, first, max, 0));
        Assert.Equal(TimeSpan.FromSeconds(10), WebhookRetry.Delay(1, first, max, 0.9999999999).RoundTo());
        Assert.Equal(TimeSpan.FromSeconds(40), WebhookRetry.Delay(3, first, max, 1 - 1e-12).RoundTo());
        Assert.Equal(TimeSpan.FromMinutes(15), WebhookRetry.Delay(50, first, max, 0));
        Assert.True(WebhookRetry.Delay(50, first, max, 0.99) <= max);
    }

    private static (string?, string) Pair(DomainError? error) => (error!.Field, error.Code);
}

internal static class TimeSpanRounding
{
    public static TimeSpan RoundTo(this TimeSpan value) => TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));
}
