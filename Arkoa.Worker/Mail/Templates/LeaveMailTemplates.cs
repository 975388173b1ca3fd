using Arkoa.Core.Outbox;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>What the three leave mails share: the recipient, a one-line summary of the leave, and a link.</summary>
internal static class LeaveMail
{
    public static MimeMessage Start(LeaveMailPayload payload)
    {
        var mail = new MimeMessage();
        mail.To.Add(new MailboxAddress(payload.RecipientName, payload.To));
        return mail;
    }

    public static string Summary(LeaveMailPayload p, bool english) => english
        ? $"{p.LeaveType} leave from {p.StartDate:yyyy-MM-dd} to {p.EndDate:yyyy-MM-dd} ({p.Days} working days)"
        : $"Congé {p.LeaveType} du {p.StartDate:dd/MM/yyyy} au {p.EndDate:dd/MM/yyyy} ({p.Days} jours ouvrés)";
}

/// <summary>To each manager: a member asked for (or changed) a leave that awaits review.</summary>
public sealed class LeaveSubmittedTemplate : IMailTemplate
{
    public string Kind => OutboxKinds.LeaveSubmitted;

    public MimeMessage Build(Core.Domain.OutboxMessage message, MailLinks links)
    {
        var p = OutboxMessageFactory.Read<LeaveMailPayload>(message);
        var english = MailText.IsEnglish(p.Language);
        var mail = LeaveMail.Start(p);
        var link = links.To("approvals");
        mail.Subject = english
            ? $"{p.MemberName} {(p.Edited ? "changed" : "requested")} a leave ({p.CompanyName})"
            : $"{p.MemberName} a {(p.Edited ? "modifié" : "demandé")} un congé ({p.CompanyName})";
        mail.Body = english
            ? MailText.Body([$"Hello {p.RecipientName},", $"{p.MemberName} {(p.Edited ? "changed" : "requested")}: {LeaveMail.Summary(p, true)}.", "It is waiting for your review."], "Review requests", link)
            : MailText.Body([$"Bonjour {p.RecipientName},", $"{p.MemberName} a {(p.Edited ? "modifié" : "demandé")} : {LeaveMail.Summary(p, false)}.", "La demande attend votre validation."], "Voir les demandes", link);
        return mail;
    }
}

/// <summary>To the member: their leave was approved, or rejected with the manager's note.</summary>
public sealed class LeaveReviewedTemplate : IMailTemplate
{
    public string Kind => OutboxKinds.LeaveReviewed;

    public MimeMessage Build(Core.Domain.OutboxMessage message, MailLinks links)
    {
        var p = OutboxMessageFactory.Read<LeaveMailPayload>(message);
        var english = MailText.IsEnglish(p.Language);
        var approved = p.Status == "APPROVED";
        var mail = LeaveMail.Start(p);
        var link = links.To("leaves");
        List<string> paragraphs = english
            ? [$"Hello {p.RecipientName},", $"Your {LeaveMail.Summary(p, true)} was {(approved ? "approved" : "rejected")} by {p.ActorName}."]
            : [$"Bonjour {p.RecipientName},", $"Votre demande ({LeaveMail.Summary(p, false)}) a été {(approved ? "acceptée" : "refusée")} par {p.ActorName}."];
        if (!string.IsNullOrWhiteSpace(p.ManagerNote)) paragraphs.Add((english ? "Note: " : "Commentaire : ") + p.ManagerNote);
        mail.Subject = english
            ? $"Your leave was {(approved ? "approved" : "rejected")}"
            : $"Votre congé a été {(approved ? "accepté" : "refusé")}";
        mail.Body = MailText.Body(paragraphs, english ? "My leaves" : "Mes congés", link);
        return mail;
    }
}

/// <summary>To the member: a manager canceled their leave (the days were given back).</summary>
public sealed class LeaveCanceledTemplate : IMailTemplate
{
    public string Kind => OutboxKinds.LeaveCanceled;

    public MimeMessage Build(Core.Domain.OutboxMessage message, MailLinks links)
    {
        var p = OutboxMessageFactory.Read<LeaveMailPayload>(message);
        var english = MailText.IsEnglish(p.Language);
        var mail = LeaveMail.Start(p);
        mail.Subject = english ? "Your leave was canceled" : "Votre congé a été annulé";
        mail.Body = english
            ? MailText.Body([$"Hello {p.RecipientName},", $"Your {LeaveMail.Summary(p, true)} was canceled by {p.ActorName}."], "My leaves", links.To("leaves"))
            : MailText.Body([$"Bonjour {p.RecipientName},", $"Votre demande ({LeaveMail.Summary(p, false)}) a été annulée par {p.ActorName}."], "Mes congés", links.To("leaves"));
        return mail;
    }
}
