using Arkoa.Worker.Mail.Templates;

namespace Arkoa.Worker.Mail;

public static class MailServices
{
    /// <summary>
    /// One template per outbox kind (SPEC §6), their words in Resources/Mail/**.fr.resx read through IStringLocalizer
    /// as the Web's are (English is the key), and the composer that builds each mail in its recipient's culture.
    /// </summary>
    public static IServiceCollection AddMailTemplates(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<MailFormat>();
        services.AddSingleton<IMailTemplate, VerifyEmailTemplate>();
        services.AddSingleton<IMailTemplate, LeaveSubmittedTemplate>();
        services.AddSingleton<IMailTemplate, LeaveReviewedTemplate>();
        services.AddSingleton<IMailTemplate, LeaveCanceledTemplate>();
        services.AddSingleton<IMailTemplate, LeaveCancelRequestedTemplate>();
        services.AddSingleton<IMailTemplate, LeaveCancelAnsweredTemplate>();
        services.AddSingleton<IMailTemplate, LeaveEscalatedTemplate>();
        services.AddSingleton<IMailTemplate, MembershipAddedTemplate>();
        services.AddSingleton<IMailTemplate, InvitationCreatedTemplate>();
        services.AddSingleton<IMailTemplate, PendingDigestTemplate>();
        services.AddSingleton<IMailTemplate, ResetPasswordTemplate>();
        services.AddSingleton<IMailTemplate, EmailChangeTemplate>();
        services.AddSingleton<IMailTemplate, AddressInUseTemplate>();
        services.AddSingleton<IMailTemplate, EmailChangedTemplate>();
        services.AddSingleton<IMailTemplate, PasswordChangedTemplate>();
        services.AddSingleton<IMailTemplate, PasswordResetDoneTemplate>();
        services.AddSingleton<MailComposer>();
        return services;
    }
}
