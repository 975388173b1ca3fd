using System.Net;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// The approval chain page in a real browser (SPEC §11): an admin sets a two-step chain and a member's approver with
/// plain forms, sees them as the Api keeps them, and removes the chain; an employee has neither the tab nor the page.
/// </summary>
public sealed class ApprovalChainPageBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task An_admin_sets_a_two_step_chain_and_a_member_s_approver_then_removes_the_chain()
    {
        var admin = await PeopleBrowserKit.EnglishUserAsync(app, "Ada Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var hr = await ApiSession.SignUpAsync(app, "Hugo Hr");
        var hrId = await admin.AddMemberAsync(companyId, hr, "ADMIN");
        var seller = await PeopleBrowserKit.EnglishUserAsync(app, "Sam Seller");
        var sellerId = await admin.AddMemberAsync(companyId, seller);

        await using var browser = await WebBrowser.OpenAsync(app, chromium);
        await browser.SignInAsync(admin.Email, admin.Password);
        await browser.GoToAsync($"/companies/{companyId}");
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Approval chain", Exact = true }).ClickAsync();
        await Expect(browser.Page.Locator("#chain-heading")).ToHaveTextAsync("No chain");

        // Step 1: the member's team managers; step 2, for more than 5 days only: Hugo, named.
        await browser.Page.GetByLabel("Name of the chain").FillAsync("Sales approvals");
        await browser.Page.GetByLabel("Approved by (step 1)").SelectOptionAsync("TEAM_MANAGERS");
        await browser.Page.GetByLabel("Approved by (step 2)").SelectOptionAsync("NAMED_MEMBER");
        await browser.Page.GetByLabel("Named member (step 2)").SelectOptionAsync(new SelectOptionValue { Label = "Hugo Hr" });
        await browser.Page.GetByLabel("Only above so many working days (step 2)").FillAsync("5");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Save the chain" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The chain is saved: new requests follow it.");
        await Expect(browser.Page.Locator("#chain-heading")).ToHaveTextAsync("Chain Sales approvals");
        await Expect(browser.Page.Locator("ol.chain-steps > li")).ToHaveTextAsync(
            ["The member's team managers · one of them", "Hugo Hr · one of them · above 5 days"]);
        var chain = await admin.GetJsonAsync($"/api/companies/{companyId}/approval-chain");
        Assert.Equal(["TEAM_MANAGERS", "NAMED_MEMBER"], chain.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("approvers").GetString()));
        Assert.Equal(hrId, chain.GetProperty("steps")[1].GetProperty("namedMembershipId").GetString());
        // The form shows the chain it would change.
        await Expect(browser.Page.GetByLabel("Approved by (step 2)")).ToHaveValueAsync("NAMED_MEMBER");

        // A named step without its member is refused, above the forms, and the chain stays.
        await browser.Page.GetByLabel("Named member (step 2)").SelectOptionAsync("");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Save the chain" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        Assert.Equal(2, (await admin.GetJsonAsync($"/api/companies/{companyId}/approval-chain")).GetProperty("steps").GetArrayLength());

        // Sam's requests go to Hugo instead of his team managers.
        await browser.GoToAsync($"/companies/{companyId}/approval-chain");
        await browser.Page.GetByLabel("Member", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Sam Seller" });
        await browser.Page.GetByLabel("Their approver").SelectOptionAsync(new SelectOptionValue { Label = "Hugo Hr" });
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Set the approver" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The members' approvers are updated.");
        await Expect(browser.Page.Locator("li[data-member-approver='Sam Seller']")).ToContainTextAsync("Sam Seller → Hugo Hr");
        var approvers = await admin.GetJsonAsync($"/api/companies/{companyId}/member-approvers");
        Assert.Equal((sellerId, hrId), (approvers[0].GetProperty("membershipId").GetString(), approvers[0].GetProperty("approverMembershipId").GetString()));
        await browser.ScreenshotAsync("approval-chain");

        await browser.Page.GetByText("Remove the chain", new() { Exact = true }).ClickAsync();
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Yes, remove the chain" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The chain is removed.");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/api/companies/{companyId}/approval-chain")).StatusCode);

        // An employee: no tab, and the page says it is not theirs.
        await using var employee = await WebBrowser.OpenAsync(app, chromium);
        await employee.SignInAsync(seller.Email, seller.Password);
        await employee.GoToAsync($"/companies/{companyId}/approval-chain");
        await Expect(employee.Page.Locator("main")).ToContainTextAsync("Only an admin can change how requests are approved.");
        await Expect(employee.Page.GetByRole(AriaRole.Link, new() { Name = "Approval chain", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_chain_grows_past_four_steps_a_row_at_each_save_and_takes_the_negative_balance_condition()
    {
        var admin = await PeopleBrowserKit.EnglishUserAsync(app, "Ada Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        await using var browser = await WebBrowser.OpenAsync(app, chromium);
        await browser.SignInAsync(admin.Email, admin.Password);
        await browser.GoToAsync($"/companies/{companyId}/approval-chain");
        var page = browser.Page;
        await Expect(page.Locator("fieldset.chain-step")).ToHaveCountAsync(4);
        string[] kinds = ["TEAM_MANAGERS", "PARENT_TEAM_MANAGERS", "COMPANY_MANAGERS", "COMPANY_ADMINS"];
        for (var i = 0; i < kinds.Length; i++) await page.GetByLabel($"Approved by (step {i + 1})").SelectOptionAsync(kinds[i]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the chain" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The chain is saved: new requests follow it.");

        // Four steps kept: a fifth row is offered, and it takes the balance condition.
        await Expect(page.Locator("fieldset.chain-step")).ToHaveCountAsync(5);
        await page.GetByLabel("Approved by (step 5)").SelectOptionAsync("COMPANY_ADMINS");
        await page.GetByLabel("Only when the request takes its balance below zero (step 5)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the chain" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The chain is saved: new requests follow it.");

        var steps = (await admin.GetJsonAsync($"/api/companies/{companyId}/approval-chain")).GetProperty("steps");
        Assert.Equal([.. kinds, "COMPANY_ADMINS"], steps.EnumerateArray().Select(s => s.GetProperty("approvers").GetString()));
        Assert.Equal([false, false, false, false, true], steps.EnumerateArray().Select(s => s.GetProperty("whenBalanceGoesNegative").GetBoolean()));
        await Expect(page.Locator("ol.chain-steps > li").Last).ToHaveTextAsync("The company's admins (HR) · one of them · when the balance goes below zero");
        await Expect(page.Locator("fieldset.chain-step")).ToHaveCountAsync(6);
        await Expect(page.GetByLabel("Only when the request takes its balance below zero (step 5)")).ToBeCheckedAsync();
    }
}
