using System.Text.Json;
using Arkoa.Core.Scim;

namespace Arkoa.Tests.Unit;

/// <summary>SCIM group (team) requests as Entra ID and Okta send them, read into a change of name and members.</summary>
public sealed class ScimGroupInterpreterTests
{
    private static readonly Guid A = Guid.Parse("0193a5c2-0000-7000-8000-00000000000a");
    private static readonly Guid B = Guid.Parse("0193a5c2-0000-7000-8000-00000000000b");
    private static readonly Guid C = Guid.Parse("0193a5c2-0000-7000-8000-00000000000c");

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void Entra_ids_add_and_remove_of_members()
    {
        var (change, error) = ScimGroupInterpreter.ReadPatch(Json($$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"Add","path":"members","value":[{"value":"{{A}}"},{"value":"{{B}}"}]},
              {"op":"Remove","path":"members[value eq \"{{C}}\"]"}]}
            """));
        Assert.Null(error);
        Assert.Equal([A, B], change!.MembersAfter([C]).Order());
    }

    [Fact]
    public void Oktas_rename_and_member_removal_by_list()
    {
        var (change, error) = ScimGroupInterpreter.ReadPatch(Json($$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"replace","value":{"id":"x","displayName":"Sales EMEA"} },
              {"op":"remove","path":"members","value":[{"value":"{{A}}"}]}]}
            """));
        Assert.Null(error);
        Assert.Equal("Sales EMEA", change!.DisplayName);
        Assert.Equal([B], change.MembersAfter([A, B]));
    }

    [Fact]
    public void A_replace_of_members_sets_the_whole_list_and_later_operations_apply_after_it()
    {
        var (change, _) = ScimGroupInterpreter.ReadPatch(Json($$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"add","path":"members","value":[{"value":"{{C}}"}]},
              {"op":"replace","path":"members","value":[{"value":"{{A}}"}]},
              {"op":"add","path":"members","value":[{"value":"{{B}}"}]}]}
            """));
        Assert.Equal([A, B], change!.MembersAfter([C]).Order());
        Assert.True(change.TouchesMembers);
    }

    [Fact]
    public void A_group_resource_needs_its_schema_and_a_display_name_and_starts_with_its_listed_members()
    {
        var (change, error) = ScimGroupInterpreter.ReadResource(Json($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Support","externalId":"g-1","members":[{"value":"{{A}}"}]}
            """));
        Assert.Null(error);
        Assert.Equal(("Support", "g-1"), (change!.DisplayName, change.ExternalId));
        Assert.Equal([A], change.MembersAfter([B]));

        Assert.Equal("invalidValue", ScimGroupInterpreter.ReadResource(Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"]}""")).Error!.ScimType);
        Assert.Equal("invalidSyntax", ScimGroupInterpreter.ReadResource(Json("""{"displayName":"x"}""")).Error!.ScimType);
    }

    [Theory]
    [InlineData("""{"op":"add","path":"members","value":[{"value":"not-an-id"}]}""", "invalidValue")]
    [InlineData("""{"op":"add","path":"members","value":"x"}""", "invalidValue")]
    [InlineData("""{"op":"add","path":"members","value":[{"display":"no value"}]}""", "invalidValue")]
    [InlineData("""{"op":"add","path":"members[value eq \"0193a5c2-0000-7000-8000-00000000000a\"]","value":[]}""", "invalidPath")]
    [InlineData("""{"op":"remove","path":"members[display eq \"x\"]"}""", "invalidPath")]
    [InlineData("""{"op":"remove","path":"displayName"}""", "mutability")]
    [InlineData("""{"op":"replace","path":"displayName","value":""}""", "invalidValue")]
    public void A_malformed_group_patch_is_refused_with_its_scim_type(string operation, string scimType)
    {
        var (change, error) = ScimGroupInterpreter.ReadPatch(Json($$"""{"schemas":["{{ScimSchemas.PatchOp}}"],"Operations":[{{operation}}]}"""));
        Assert.Null(change);
        Assert.Equal(scimType, error!.ScimType);
    }
}
