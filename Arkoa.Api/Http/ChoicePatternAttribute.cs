using System.ComponentModel.DataAnnotations;

namespace Arkoa.Api.Http;

/// <summary>
/// A value that must be one of a few fixed words (a language, a theme), written as a pattern such as <c>^(fr|en)$</c>.
/// The framework's <see cref="RegularExpressionAttribute"/> lets an empty string through (it leaves emptiness to
/// <c>[Required]</c>), so <c>language: ""</c> was stored and the Web then read a language it does not have. Absent (null)
/// still means "keep the current value". Being a RegularExpressionAttribute, the OpenAPI document keeps its pattern and
/// a refusal keeps the code <c>invalid-format</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class ChoicePatternAttribute(string pattern) : RegularExpressionAttribute(pattern)
{
    public override bool IsValid(object? value) => value is not "" && base.IsValid(value);
}
