using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;

namespace Arkoa.Tests.Integration;

/// <summary>The Api writes its messages in English; a French page shows them in French, next to the same field.</summary>
public sealed class WebFrenchMessagesTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task A_message_with_values_is_translated_next_to_its_field_and_the_account_speaks_french()
    {
        using var browser = FrenchBrowser();
        var email = ApiSession.UniqueEmail("fr");

        var response = await WebForms.PostFormAsync(browser, "/sign-up", "sign-up", new()
        {
            ["Input.Name"] = "Camille",
            ["Input.Email"] = email,
            ["Input.Password"] = "abc1",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Le mot de passe doit contenir au moins 8 caractères.", html);
        Assert.DoesNotContain("The password must have", html);
        Assert.Contains($"value=\"{email}\"", html); // what was typed stays

        await WebForms.PostFormAsync(browser, "/sign-up", "sign-up", new()
        {
            ["Input.Name"] = "Camille",
            ["Input.Email"] = email,
            ["Input.Password"] = "mot de passe 42",
        });
        // Signed up from a French page: the account (and so its mails) is French.
        var session = await app.Api().PostAsJsonAsync("/api/auth/sign-in", new { email, password = "mot de passe 42" });
        var user = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user");
        Assert.Equal("fr", user.GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_plain_message_is_translated_and_an_english_page_keeps_the_api_s_words()
    {
        var owner = await ApiSession.SignUpAsync(app);
        var name = $"Doublon {Guid.NewGuid():N}"[..24];
        Assert.Equal(HttpStatusCode.Created, (await owner.Http.PostAsJsonAsync("/api/companies", new { name, annualLeaveDays = 25 })).StatusCode);

        using var french = FrenchBrowser();
        await SignInAsync(french, owner);
        var html = WebUtility.HtmlDecode(await (await WebForms.PostFormAsync(french, "/companies", "create-company", new()
        {
            ["Input.Name"] = name,
            ["Input.AnnualLeaveDays"] = "25",
        })).Content.ReadAsStringAsync());
        Assert.Contains("Une entreprise porte déjà ce nom.", html);

        var web = app.App.GetEndpoint("web", "http");
        var cookies = new CookieContainer();
        using var english = WebForms.Browser(web, cookies);
        await SignInAsync(english, owner);
        // Signing in applied the account's language (French); this browser then chooses English.
        cookies.Add(web, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        html = WebUtility.HtmlDecode(await (await WebForms.PostFormAsync(english, "/companies", "create-company", new()
        {
            ["Input.Name"] = name,
            ["Input.AnnualLeaveDays"] = "25",
        })).Content.ReadAsStringAsync());
        Assert.Contains("A company with this name already exists.", html);
    }

    [Fact]
    public async Task A_french_leave_form_says_the_balance_in_french_numbers_next_to_the_dates_and_names_the_leave_it_overlaps()
    {
        var team = await TestCompany.CreateAsync(app, annualLeaveDays: 25);
        var (employee, membershipId) = await team.AddMemberAsync(app);
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 4);
        await app.SetBalanceAsync(membershipId, "PAID", 1.5m);
        using var browser = FrenchBrowser();
        await SignInAsync(browser, employee);
        var leavesPath = $"/companies/{team.CompanyId}/leaves";

        // Two and a half days asked, one and a half left: French numbers, French plural rules, next to the last day.
        var html = WebUtility.HtmlDecode(await (await WebForms.PostFormAsync(browser, leavesPath, "request-leave", new()
        {
            ["Input.Type"] = "PAID", ["Input.StartDate"] = monday.Iso(), ["Input.EndDate"] = monday.AddDays(2).Iso(), ["Input.EndsAtNoon"] = "true",
        })).Content.ReadAsStringAsync());
        Assert.Contains("Solde insuffisant", html);
        Assert.Equal("Vous demandez 2,5 jours\u202f; il reste 1,5 jour.", FieldError(html, "leave-end"));
        Assert.DoesNotContain("Insufficient balance", html);
        Assert.DoesNotContain("Requête invalide", html);

        // A day already taken: the message names that leave, its type and dates in French.
        await employee.CreateLeaveAsync(team.CompanyId, membershipId, "UNPAID", monday, monday.AddDays(1));
        html = WebUtility.HtmlDecode(await (await WebForms.PostFormAsync(browser, leavesPath, "request-leave", new()
        {
            ["Input.Type"] = "UNPAID", ["Input.StartDate"] = monday.AddDays(1).Iso(), ["Input.EndDate"] = monday.AddDays(2).Iso(),
        })).Content.ReadAsStringAsync());
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr");
        Assert.Equal($"Ces dates chevauchent votre demande «\u00a0Congé sans solde\u00a0» du {monday.ToString("d MMMM yyyy", french)} au {monday.AddDays(1).ToString("d MMMM yyyy", french)}.",
            FieldError(html, "leave-start"));
        Assert.Contains("Dates déjà prises", html);
    }

    private static string? FieldError(string html, string inputId)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html,
            $"id=\"{System.Text.RegularExpressions.Regex.Escape(inputId)}\"(?:(?!class=\"field).)*?<div class=\"validation-message\">(?<message>[^<]*)</div>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        return match.Success ? match.Groups["message"].Value : null;
    }

    private HttpClient FrenchBrowser()
    {
        var browser = WebForms.Browser(app.App.GetEndpoint("web", "http"));
        browser.DefaultRequestHeaders.AcceptLanguage.Clear();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        return browser;
    }

    private static async Task SignInAsync(HttpClient browser, ApiSession user)
    {
        var response = await WebForms.PostFormAsync(browser, "/sign-in", "sign-in", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        // Signed in: the Web sent the browser on to the user's company.
        Assert.StartsWith("/companies/", response.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
