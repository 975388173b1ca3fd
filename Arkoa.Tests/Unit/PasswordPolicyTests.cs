extern alias ArkoaApi;
using ArkoaApi::Arkoa.Api.Auth;
using Arkoa.Tests.Integration;

namespace Arkoa.Tests.Unit;

/// <summary>New passwords: 8 to 128 characters and hard to guess as zxcvbn sees it, the person's own words counting as easy.</summary>
public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("password1")]
    [InlineData("Password123!")]
    [InlineData("azertyuiop")]
    [InlineData("qwerty2024")]
    [InlineData("iloveyou99")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcdefgh1234")]
    public void Common_and_patterned_passwords_are_too_easy(string password) =>
        Assert.Equal(PasswordPolicy.TooEasy, PasswordPolicy.Check(password, "Camille Martin", "camille.martin@example.test")?.Message);

    [Theory]
    [InlineData("Arkoa2026!!")]
    [InlineData("camillemartin26")]
    [InlineData("martin.camille1")]
    public void The_persons_name_email_and_arkoa_are_words_an_attacker_tries_first(string password)
    {
        Assert.Equal(PasswordPolicy.TooEasy, PasswordPolicy.Check(password, "Camille Martin", "camille.martin@example.test")?.Message);
    }

    [Fact]
    public void A_name_that_is_strong_for_a_stranger_is_weak_for_its_owner()
    {
        const string password = "zorglub.bastien";
        Assert.Null(PasswordPolicy.Check(password, "Jane Doe", "jane@example.test"));
        Assert.Equal(PasswordPolicy.TooEasy, PasswordPolicy.Check(password, "Bastien Zorglub", "bastien.zorglub@example.test")?.Message);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("violet tramway 1987 pelican")]
    [InlineData("mot de passe 42")]
    public void Long_phrases_of_unrelated_words_pass(string password) =>
        Assert.Null(PasswordPolicy.Check(password, "Camille Martin", "camille.martin@example.test"));

    [Fact]
    public void Length_is_checked_first()
    {
        Assert.Equal(PasswordPolicy.TooShort, PasswordPolicy.Check("x7#kQ!2", "A", "a@example.test")?.Message);
        Assert.Equal(PasswordPolicy.TooLong, PasswordPolicy.Check(new string('x', 129))?.Message);
        Assert.Null(PasswordPolicy.Check("violet tramway 1987 pelican " + new string('z', 100)));
    }

    /// <summary>The test kits sign people up with these: they must pass, with the kits' names and e-mails.</summary>
    [Theory]
    [InlineData(CompanyTestKit.Password)]
    [InlineData(AccountTestKit.NewPassword)]
    [InlineData("correct horse 42")] // ApiSession.SignUpAsync
    public void The_test_kits_passwords_pass(string password) =>
        Assert.Null(PasswordPolicy.Check(password, "Test User", ApiSession.UniqueEmail()));
}
