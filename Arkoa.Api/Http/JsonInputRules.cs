using System.Text.Json.Serialization.Metadata;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Text;

namespace Arkoa.Api.Http;

/// <summary>
/// Every string and every date of every JSON body is checked as soon as its object is read, before any endpoint sees
/// it: a control character or a lone surrogate (issue 13, point 16), or a date outside <see cref="DateBounds"/>
/// (point 18), is a 400 naming the field. It applies to every type the Api reads, so a new field is covered without
/// anyone remembering it; strings are single-line unless their property is marked <see cref="MultiLineTextAttribute"/>.
/// A contract modifier rather than converters: converters would hide the fields' types from the OpenAPI document.
/// </summary>
public static class JsonInputRules
{
    public static void Apply(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var checks = type.Properties.Select(CheckOf).OfType<Action<object>>().ToArray();
        if (checks.Length == 0) return;
        var next = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            foreach (var check in checks) check(value);
            next?.Invoke(value);
        };
    }

    private static Action<object>? CheckOf(JsonPropertyInfo property)
    {
        if (property.Get is not { } get) return null;
        if (property.PropertyType == typeof(string))
        {
            var multiLine = property.AttributeProvider?.IsDefined(typeof(MultiLineTextAttribute), inherit: false) == true;
            return value =>
            {
                if (get(value) is string text && ControlCharacters.AnyRefused(text, multiLine))
                    throw new JsonFieldException(property.Name, ProblemCodes.ControlCharacters, InputRefusals.ControlCharacters);
            };
        }
        if (property.PropertyType == typeof(DateOnly) || property.PropertyType == typeof(DateOnly?))
        {
            return value =>
            {
                if (get(value) is DateOnly date && !DateBounds.Contains(date))
                    throw new JsonFieldException(property.Name, ProblemCodes.DateOutOfRange, InputRefusals.DateOutOfBounds, InputRefusals.DateBoundsValues);
            };
        }
        return null;
    }
}
