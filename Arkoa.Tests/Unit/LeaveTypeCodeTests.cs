using System.Text.Json;
using Arkoa.Core.Domain;

namespace Arkoa.Tests.Unit;

/// <summary>A leave type's code: what it may look like, how it is read, written and ordered.</summary>
public sealed class LeaveTypeCodeTests
{
    [Theory]
    [InlineData("PAID", "PAID")]
    [InlineData(" rtt ", "RTT")]
    [InlineData("child_sick", "CHILD_SICK")]
    [InlineData("TT2", "TT2")]
    [InlineData("ABCDEFGHIJKLMNOPQRST", "ABCDEFGHIJKLMNOPQRST")]
    public void A_code_is_read_trimmed_and_upper_cased(string text, string code)
    {
        Assert.True(LeaveType.TryParse(text, out var type));
        Assert.Equal(code, type.Code);
        Assert.Equal(new LeaveType(code), type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")]
    [InlineData("CONGÉ")]
    [InlineData("PAID LEAVE")]
    [InlineData("PAID-LEAVE")]
    [InlineData("0")]
    public void A_malformed_code_is_refused(string? text)
    {
        Assert.False(LeaveType.TryParse(text, out var type));
        Assert.Equal(default, type);
        Assert.Throws<ArgumentException>(() => new LeaveType(text ?? ""));
    }

    [Fact]
    public void The_built_ins_are_the_fourteen_wire_values_of_the_enum_they_replace()
    {
        Assert.Equal(
            ["PAID", "UNPAID", "RTT", "SICK", "MATERNITY", "PATERNITY", "PARENTAL", "BEREAVEMENT",
             "MARRIAGE", "MOVING", "CHILD_SICK", "TRAINING", "UNJUSTIFIED", "ADJUSTMENT"],
            LeaveType.BuiltIn.Select(t => t.Code));
        Assert.True(LeaveType.RTT.IsBuiltIn);
        Assert.False(new LeaveType("REMOTE").IsBuiltIn);
    }

    [Fact]
    public void Built_ins_sort_in_their_historical_order_before_other_codes_alphabetically()
    {
        LeaveType[] shuffled = [new("ZZ"), LeaveType.ADJUSTMENT, new("AA"), LeaveType.RTT, LeaveType.PAID];

        Assert.Equal(["PAID", "RTT", "ADJUSTMENT", "AA", "ZZ"], shuffled.Order().Select(t => t.Code));
    }

    [Fact]
    public void Json_carries_the_bare_code_as_a_value_and_as_a_key()
    {
        var json = JsonSerializer.Serialize(new Dictionary<LeaveType, LeaveType?> { [LeaveType.PAID] = LeaveType.SICK, [LeaveType.RTT] = null });

        Assert.Equal("""{"PAID":"SICK","RTT":null}""", json);
        Assert.Equal(LeaveType.CHILD_SICK, JsonSerializer.Deserialize<LeaveType>("\"child_sick\""));
    }

    [Theory]
    [InlineData("\"NOT A CODE\"")]
    [InlineData("3")]
    public void Json_refuses_what_is_not_a_code(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LeaveType>(json));

    [Fact]
    public void Its_text_is_its_code() => Assert.Equal("CHILD_SICK", $"{LeaveType.CHILD_SICK}");
}
