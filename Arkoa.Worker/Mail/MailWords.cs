namespace Arkoa.Worker.Mail;

/// <summary>
/// Marker of the words every mail shares (greeting, leave types, roles, day counts, dates), written in English in
/// <see cref="MailFormat"/> and translated in Resources/Mail/MailWords.fr.resx, as the Web's SharedText.
/// </summary>
public sealed class MailWords;
