namespace Arkoa.AppHost.Infrastructure;

/// <summary>Something the chosen infrastructure mode needs is not there; the message says what to install.</summary>
public sealed class MissingPrerequisiteException(string message) : Exception(message);
