namespace Arkoa.Web.Localization;

/// <summary>
/// Marker for the words many pages share (navigation, statuses, leave types, roles). English text is the key;
/// French lives in Resources/Localization/SharedText.fr.resx. Each component's own words are in its own resx.
/// </summary>
public sealed class SharedText;
