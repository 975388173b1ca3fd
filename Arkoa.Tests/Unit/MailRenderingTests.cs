extern alias ArkoaWorker;

using System.Globalization;
using Arkoa.Core.Domain;
using Arkoa.Core.MailDecisions;
using Arkoa.Core.Outbox;
using ArkoaWorker::Arkoa.Worker.Mail;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Arkoa.Tests.Unit;

/// <summary>
/// The Worker's real templates and resources, composed as the dispatcher does: each mail reads in its recipient's
/// language, dates and day counts in their culture, instants in the company's zone with its name, leave types by
/// name, and its links lead into the company of the mail, to the leave itself.
/// </summary>
public sealed class MailRenderingTests
{
    private const string Web = "https://arkoa.test";
    private static readonly Guid CompanyId = Guid.Parse("0194b3c1-0000-7000-8000-00000000c0de");
    private static readonly Guid LeaveId = Guid.Parse("0194b3c1-0000-7000-8000-0000000001ea");
    private static readonly DateTime Instant = new(2026, 12, 8, 13, 28, 0, DateTimeKind.Utc);

    private const string MailLinkKey = "a-mail-link-key-of-at-least-32-characters";

    private static readonly MailComposer Composer = new ServiceCollection()
        .AddLogging()
        .AddSingleton(TimeProvider.System)
        .AddSingleton(new DecisionLinkSigner(MailLinkKey))
        .Configure<MailOptions>(o => o.WebBaseUrl = Web)
        .AddMailTemplates()
        .BuildServiceProvider()
        .GetRequiredService<MailComposer>();

    private static LeaveMailPayload Leave(string language, string status = "APPROVED", decimal days = 1.5m) => new(
        "eve@example.test", "Eve", language, CompanyId, "Acme", Guid.NewGuid(), "Eve", "Max Manager",
        LeaveId, "PAID", new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 9), days, status, "Busy week", Edited: false);

    private static MimeMessage Compose<T>(string kind, T payload) => Composer.Compose(OutboxMessageFactory.Create(kind, payload));

    [Fact]
    public void A_decision_reads_in_french_with_the_type_s_name_french_dates_and_a_singular_day_and_a_half()
    {
        var mail = Compose(OutboxKinds.LeaveReviewed, Leave("fr"));

        Assert.Equal("Votre congé a été accepté", mail.Subject);
        Assert.Contains("Votre demande (Congés payés du 8 déc. 2026 au 9 déc. 2026 (1,5 jour ouvré)) a été acceptée par Max Manager.", mail.TextBody);
        Assert.Contains("Commentaire\u00a0: Busy week", mail.TextBody);
        Assert.DoesNotContain("PAID", mail.TextBody);
        Assert.Contains($"{Web}/companies/{CompanyId}/leaves?leave={LeaveId}#leave-{LeaveId}", mail.TextBody);
    }

    [Fact]
    public void A_decision_reads_in_english_with_english_dates_and_plural_days()
    {
        var mail = Compose(OutboxKinds.LeaveReviewed, Leave("en", status: "REJECTED"));

        Assert.Equal("Your leave was rejected", mail.Subject);
        Assert.Contains("Your request (Paid leave from Dec 8, 2026 to Dec 9, 2026 (1.5 working days)) was rejected by Max Manager.", mail.TextBody);
        Assert.Contains("Note: Busy week", mail.TextBody);
    }

    [Theory]
    [InlineData("fr", "Votre demande de congé a été transmise",
        "Votre demande (Congés payés du 8 déc. 2026 au 9 déc. 2026 (2 jours ouvrés)) attendait une décision depuis trop longtemps\u00a0: elle a été transmise à Hugo RH, Ada Admin.")]
    [InlineData("en", "Your leave request was passed on",
        "Your request (Paid leave from Dec 8, 2026 to Dec 9, 2026 (2 working days)) waited too long for a decision: it was passed on to Hugo RH, Ada Admin.")]
    public void An_escalation_tells_the_member_whom_their_request_was_passed_on_to(string language, string subject, string text)
    {
        var mail = Compose(OutboxKinds.LeaveEscalated, new LeaveEscalatedPayload("eve@example.test", "Eve", language, CompanyId, "Acme",
            LeaveId, "PAID", new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 9), 2, ["Hugo RH", "Ada Admin"]));

        Assert.Equal(subject, mail.Subject);
        Assert.Contains(text, mail.TextBody);
        Assert.Contains($"{Web}/companies/{CompanyId}/leaves?leave={LeaveId}#leave-{LeaveId}", mail.TextBody);
    }

    [Theory]
    [InlineData("fr", 1, "1 jour ouvré")]
    [InlineData("fr", 0.5, "0,5 jour ouvré")]
    [InlineData("fr", 2, "2 jours ouvrés")]
    [InlineData("en", 1, "1 working day)")]
    [InlineData("en", 0.5, "0.5 working days")]
    public void Day_counts_follow_the_plural_rule_of_the_reader_s_language(string language, double days, string expected) =>
        Assert.Contains(expected, Compose(OutboxKinds.LeaveCanceled, Leave(language, days: (decimal)days)).TextBody);

    [Fact]
    public void A_request_links_the_managers_to_the_approvals_of_its_company_at_the_request()
    {
        var mail = Compose(OutboxKinds.LeaveSubmitted, Leave("fr", status: "PENDING") with { RecipientName = "Max" });

        Assert.Equal("Eve a demandé un congé (Acme)", mail.Subject);
        Assert.Contains("Eve a demandé\u00a0: Congés payés du 8 déc. 2026 au 9 déc. 2026 (1,5 jour ouvré).", mail.TextBody);
        Assert.Contains($"{Web}/companies/{CompanyId}/approvals?leave={LeaveId}#leave-{LeaveId}", mail.TextBody);
    }

    [Fact]
    public void A_request_to_an_approver_carries_approve_and_reject_links_signed_for_them_and_an_older_mail_none()
    {
        var approver = Guid.NewGuid();
        var mail = Compose(OutboxKinds.LeaveSubmitted, Leave("fr", status: "PENDING") with
        {
            RecipientName = "Max", RecipientMembershipId = approver, DecisionFingerprint = 42,
        });

        var text = mail.TextBody!;
        Assert.Contains("Approuver\n" + Web + "/mail-decision?token=", text);
        Assert.Contains("Refuser\n" + Web + "/mail-decision?token=", text);
        var links = Arkoa.Tests.Integration.AccountTestKit.LinksIn(text);
        Assert.Equal(3, links.Count);
        var tokens = links.Take(2).Select(l => Uri.UnescapeDataString(l.Query.Split("token=")[1].Split('&')[0])).Distinct().ToList();
        var (link, error) = new DecisionLinkSigner(MailLinkKey).Read(Assert.Single(tokens), DateTime.UtcNow);
        Assert.Null(error);
        Assert.Equal((LeaveId, approver, 42L), (link!.LeaveId, link.ApproverMembershipId, link.Fingerprint));
        Assert.Equal([$"{Web}/mail-decision", $"{Web}/mail-decision"], links.Take(2).Select(l => l.GetLeftPart(UriPartial.Path)));
        Assert.Equal(["approve", "reject"], links.Take(2).Select(l => l.Query.Split("decision=")[1]));

        // Queued before the links existed: the approvals link only.
        var older = Compose(OutboxKinds.LeaveSubmitted, Leave("fr", status: "PENDING") with { RecipientName = "Max" });
        Assert.Single(Arkoa.Tests.Integration.AccountTestKit.LinksIn(older.TextBody!));
    }

    [Fact]
    public void A_request_to_cancel_links_the_managers_to_its_answer_in_the_approvals_in_their_language()
    {
        var french = Compose(OutboxKinds.LeaveCancelRequested, Leave("fr") with { RecipientName = "Max" });
        var english = Compose(OutboxKinds.LeaveCancelRequested, Leave("en") with { RecipientName = "Max" });

        Assert.Equal("Eve demande l'annulation d'un congé (Acme)", french.Subject);
        Assert.Contains("Eve demande l'annulation d'un congé accepté\u00a0: Congés payés du 8 déc. 2026 au 9 déc. 2026 (1,5 jour ouvré).", french.TextBody);
        Assert.Contains($"{Web}/companies/{CompanyId}/approvals?leave={LeaveId}#leave-{LeaveId}", french.TextBody);
        Assert.Equal("Eve asks to cancel a leave (Acme)", english.Subject);
        Assert.Contains("Accepting gives the days back; until then the leave stays approved.", english.TextBody);
    }

    [Fact]
    public void The_answer_to_a_request_to_cancel_says_accepted_or_declined_with_the_manager_s_reason()
    {
        var accepted = Compose(OutboxKinds.LeaveCancelAnswered, Leave("fr", status: "CANCELED"));
        var declined = Compose(OutboxKinds.LeaveCancelAnswered, Leave("en", status: "APPROVED"));

        Assert.Equal("Votre congé a été annulé à votre demande", accepted.Subject);
        Assert.Contains("Max Manager a accepté votre demande d'annulation (Congés payés du 8 déc. 2026 au 9 déc. 2026 (1,5 jour ouvré))\u202f; les jours sont revenus dans votre solde.", accepted.TextBody);
        Assert.DoesNotContain("Busy week", accepted.TextBody);
        Assert.Equal("Your leave stays approved", declined.Subject);
        Assert.Contains("Max Manager declined your request to cancel a leave (Paid leave from Dec 8, 2026 to Dec 9, 2026 (1.5 working days)); the leave stays approved.", declined.TextBody);
        Assert.Contains("Why: Busy week", declined.TextBody);
        Assert.Contains($"{Web}/companies/{CompanyId}/leaves?leave={LeaveId}#leave-{LeaveId}", declined.TextBody);
    }

    [Theory]
    [InlineData("fr", "Europe/Paris", "le 8 déc. 2026 à 14:28 (Europe/Paris)")]
    [InlineData("en", "America/New_York", "on Dec 8, 2026 at 8:28 AM (America/New_York)")]
    [InlineData("fr", null, "le 8 déc. 2026 à 14:28 (Europe/Paris)")] // queued before payloads carried a zone
    [InlineData("en", "Not/AZone", "on Dec 8, 2026 at 2:28 PM (Europe/Paris)")]
    public void An_instant_is_written_in_the_company_s_zone_with_its_name_never_in_raw_utc(string language, string? zone, string expected)
    {
        var mail = Compose(OutboxKinds.PasswordChanged, new PasswordNoticePayload("eve@example.test", "Eve", Instant, language, zone));

        Assert.Contains(expected, mail.TextBody!.Replace('\u202f', ' '));
        Assert.DoesNotContain("UTC", mail.TextBody);
    }

    [Fact]
    public void An_invitation_names_the_role_and_its_expiry_in_the_company_s_zone()
    {
        var mail = Compose(OutboxKinds.InvitationCreated,
            new InvitationCreatedPayload("new@example.test", "Acme", "EMPLOYEE", "Max", "tok/en", Instant, "fr", "Europe/Paris"));

        Assert.Equal("Max vous invite à rejoindre Acme sur Arkoa", mail.Subject);
        Assert.Contains("en tant que salarié.", mail.TextBody);
        Assert.Contains("jusqu'au 8 déc. 2026 à 14:28 (Europe/Paris).", mail.TextBody);
        Assert.Contains($"{Web}/invitations/tok%2Fen", mail.TextBody);
    }

    [Fact]
    public void A_digest_lists_each_request_with_its_type_s_name_and_links_to_the_approvals_of_its_company()
    {
        var leaves = new List<PendingDigestLeave>
        {
            new("Eve", "RTT", new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 8), 1m, new DateTime(2026, 12, 1, 23, 30, 0, DateTimeKind.Utc)),
        };
        var mail = Compose(OutboxKinds.PendingDigest,
            new PendingDigestPayload("max@example.test", "Max", "fr", CompanyId, "Acme", new DateOnly(2026, 12, 4), 2, leaves, "Europe/Paris"));

        Assert.Equal("Acme\u00a0: 2 demandes de congé en attente depuis plus de 48 h", mail.Subject);
        // Requested at 23:30 UTC, already the next day in Paris.
        Assert.Contains("• Eve\u00a0: RTT le 8 déc. 2026 (1 jour ouvré), demandée le 2 déc. 2026", mail.TextBody);
        Assert.Contains("… et 1 autre.", mail.TextBody);
        Assert.Contains($"{Web}/companies/{CompanyId}/approvals", mail.TextBody);
    }

    [Fact]
    public void A_digest_says_which_lines_are_requests_to_cancel_and_when_they_were_asked()
    {
        var leaves = new List<PendingDigestLeave>
        {
            new("Zoé", "PAID", new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 5), 2m, new DateTime(2026, 12, 1, 23, 30, 0, DateTimeKind.Utc), CancelRequest: true),
        };
        var french = Compose(OutboxKinds.PendingDigest,
            new PendingDigestPayload("max@example.test", "Max", "fr", CompanyId, "Acme", new DateOnly(2026, 12, 4), 1, leaves, "Europe/Paris"));
        var english = Compose(OutboxKinds.PendingDigest,
            new PendingDigestPayload("max@example.test", "Max", "en", CompanyId, "Acme", new DateOnly(2026, 12, 4), 1, leaves, "Europe/Paris"));

        Assert.Contains("• Zoé\u00a0: annulation demandée le 2 déc. 2026 pour Congés payés du 4 janv. 2027 au 5 janv. 2027 (2 jours ouvrés)", french.TextBody);
        Assert.Contains("• Zoé: cancellation asked on Dec 2, 2026 for Paid leave from Jan 4, 2027 to Jan 5, 2027 (2 working days)", english.TextBody);
    }

    [Fact]
    public void A_membership_mail_queued_before_it_named_its_company_still_renders_and_links_home()
    {
        const string queuedEarlier = """{"to":"eve@example.test","name":"Eve","companyName":"Acme","role":"ADMIN","addedBy":"Max","language":"en"}""";
        var mail = Composer.Compose(new OutboxMessage { Kind = OutboxKinds.MembershipAdded, Payload = queuedEarlier });
        Assert.Contains("Max added you to Acme on Arkoa as administrator.", mail.TextBody);
        Assert.Contains($"{Web}/\n", mail.TextBody);

        var scoped = Compose(OutboxKinds.MembershipAdded, new MembershipAddedPayload("eve@example.test", "Eve", "Acme", "ADMIN", "Max", "fr", CompanyId));
        Assert.Contains("en tant que administrateur.", scoped.TextBody);
        Assert.Contains($"{Web}/companies/{CompanyId}\n", scoped.TextBody);
    }

    [Fact]
    public void Composing_a_mail_leaves_the_thread_s_culture_as_it_was()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        Compose(OutboxKinds.LeaveReviewed, Leave("en"));
        Compose(OutboxKinds.LeaveReviewed, Leave("fr"));
        Assert.Equal(before, (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture));
    }
}
