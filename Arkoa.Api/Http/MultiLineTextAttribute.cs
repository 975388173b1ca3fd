namespace Arkoa.Api.Http;

/// <summary>
/// Marks free text of a request that may span lines (a reason, a note): it may hold tab, line feed and carriage return,
/// and still no other control character (<see cref="JsonInputRules"/>). Written <c>[property: MultiLineText]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineTextAttribute : Attribute;
