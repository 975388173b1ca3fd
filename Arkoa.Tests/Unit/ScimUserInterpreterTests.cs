using System.Text.Json;
using Arkoa.Core.Scim;

namespace Arkoa.Tests.Unit;

/// <summary>
/// SCIM user requests as Entra ID and Okta send them, read into a change set; and the malformed ones each refused with
/// the scimType a provisioning client acts on.
/// </summary>
public sealed class ScimUserInterpreterTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static ScimUserChange Patch(string body)
    {
        var (change, error) = ScimUserInterpreter.ReadPatch(Json(body));
        Assert.Null(error);
        return change!;
    }

    [Fact]
    public void Entra_ids_create_reads_the_user_and_ignores_what_Arkoa_does_not_keep()
    {
        var (change, error) = ScimUserInterpreter.ReadResource(Json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_ab6490ee@contoso.com","active":true,
             "displayName":"Test User","emails":[{"primary":true,"type":"work","value":"Test_User_fd0ea19b@contoso.com"}],
             "meta":{"resourceType":"User"},"name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
             "roles":[],"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","manager":{"value":"x"}}}
            """));
        Assert.Null(error);
        Assert.Equal("Test_User_ab6490ee@contoso.com", change!.UserName);
        Assert.True(change.Active);
        Assert.Equal("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef", change.ExternalId);
        Assert.Equal(("givenName", "familyName", "Test User"), (change.GivenName, change.FamilyName, change.DisplayName));
        Assert.Equal("givenName familyName", ScimUserChange.FullName(change.GivenName, change.FamilyName, change.DisplayName, change.Formatted));
    }

    [Fact]
    public void Entra_ids_replace_of_active_with_the_string_False_deactivates()
    {
        var change = Patch("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}
            """);
        Assert.False(change.Active);
        Assert.Null(change.UserName);
        Assert.False(change.TouchesName);
    }

    [Fact]
    public void Entra_ids_attribute_patch_reads_paths_with_filters_and_sub_attributes()
    {
        var change = Patch("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"Replace","path":"displayName","value":"Ada Lovelace"},
              {"op":"Replace","path":"name.givenName","value":"Ada"},
              {"op":"Replace","path":"name.familyName","value":"Lovelace"},
              {"op":"Replace","path":"emails[type eq \"work\"].value","value":"ada@contoso.com"},
              {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"R&D"},
              {"op":"Replace","path":"externalId","value":"ext-1"},
              {"op":"Remove","path":"title"}]}
            """);
        Assert.Equal(("Ada", "Lovelace", "Ada Lovelace", "ext-1"), (change.GivenName, change.FamilyName, change.DisplayName, change.ExternalId));
        Assert.Null(change.Active);
    }

    [Fact]
    public void Oktas_path_less_replace_reads_the_value_object()
    {
        var change = Patch("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}
            """);
        Assert.False(change.Active);

        var names = Patch("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"replace","value":{"name.givenName":"Grace","name":{"familyName":"Hopper"},"active":"true"}}]}
            """);
        Assert.Equal(("Grace", "Hopper", true), (names.GivenName, names.FamilyName, names.Active));
    }

    [Fact]
    public void Removing_the_external_id_clears_it_and_the_last_operation_wins()
    {
        var change = Patch("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"add","path":"externalId","value":"a"},{"op":"remove","path":"externalId"},
              {"op":"replace","path":"active","value":true},{"op":"replace","path":"active","value":false}]}
            """);
        Assert.True(change.ExternalIdSet);
        Assert.Null(change.ExternalId);
        Assert.False(change.Active);
    }

    [Theory]
    [InlineData("[]", "invalidSyntax")]
    [InlineData("""{"Operations":[{"op":"replace","path":"active","value":false}]}""", "invalidSyntax")] // no schemas
    [InlineData("""{"schemas":["urn:example:unknown"],"Operations":[{"op":"replace","path":"active","value":false}]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"move","path":"active","value":false}]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add,Remove","path":"active"}]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"1","path":"active","value":false}]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove"}]}""", "noTarget")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active"}]}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":false}]}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":"maybe"}]}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"a\u0007b"}]}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":42}]}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active]","value":false}]}""", "invalidPath")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"emails[type ne \"work\"].value","value":"x"}]}""", "invalidPath")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":7,"value":false}]}""", "invalidPath")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"id","value":"x"}]}""", "mutability")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"userName"}]}""", "mutability")]
    public void A_malformed_patch_is_refused_with_its_scim_type(string body, string scimType)
    {
        var (change, error) = ScimUserInterpreter.ReadPatch(Json(body));
        Assert.Null(change);
        Assert.Equal(400, error!.Status);
        Assert.Equal(scimType, error.ScimType);
    }

    [Fact]
    public void Ten_thousand_operations_are_refused_whole()
    {
        var operations = string.Join(',', Enumerable.Repeat("""{"op":"replace","path":"active","value":false}""", 10_000));
        var (change, error) = ScimUserInterpreter.ReadPatch(Json($$"""{"schemas":["{{ScimSchemas.PatchOp}}"],"Operations":[{{operations}}]}"""));
        Assert.Null(change);
        Assert.Equal("invalidSyntax", error!.ScimType);
        Assert.Contains("At most 100 operations", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"active":true}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"   "}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"userName":"a@b.test"}""")]
    [InlineData("""{"userName":"a@b.test"}""")]
    public void A_user_resource_needs_the_user_schema_and_a_user_name(string body)
    {
        var (change, error) = ScimUserInterpreter.ReadResource(Json(body));
        Assert.Null(change);
        Assert.Equal(400, error!.Status);
    }

    [Theory]
    [InlineData("Ada", "Lovelace", "Countess", null, "Ada Lovelace")]
    [InlineData(null, null, "Countess", "Ada L.", "Countess")]
    [InlineData(null, null, null, "Ada L.", "Ada L.")]
    [InlineData(null, " ", null, null, null)]
    public void The_name_Arkoa_shows_prefers_given_and_family_names(string? given, string? family, string? display, string? formatted, string? expected) =>
        Assert.Equal(expected, ScimUserChange.FullName(given, family, display, formatted));
}
