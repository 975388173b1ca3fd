using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Http;

/// <summary>
/// The code and values of a message the framework's request validation wrote: the attribute of the request's property
/// whose own message it is (each attribute formats its message again and the one that matches is the refusal), so a
/// client gets "too-long" with <c>max</c> rather than the English sentence to parse.
/// </summary>
public static class ValidationAttributeCodes
{
    public static FieldError Of(Type? requestType, string key, string message)
    {
        var property = requestType?.GetProperty(key.Split('.')[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null) return new FieldError(ProblemCodes.InvalidValue, message);
        string[] names = [property.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? property.Name, property.Name, key];
        var attribute = property.GetCustomAttributes<ValidationAttribute>(inherit: true)
            .FirstOrDefault(a => names.Any(n => a.FormatErrorMessage(n) == message));
        return attribute is null ? new FieldError(ProblemCodes.InvalidValue, message) : Of(attribute, message);
    }

    private static FieldError Of(ValidationAttribute attribute, string message) => attribute switch
    {
        RequiredAttribute => new(ProblemCodes.Required, message),
        StringLengthAttribute { MinimumLength: > 0 } length =>
            new(ProblemCodes.LengthOutOfRange, message, new Dictionary<string, object?> { ["min"] = length.MinimumLength, ["max"] = length.MaximumLength }),
        StringLengthAttribute length => new(ProblemCodes.TooLong, message, new Dictionary<string, object?> { ["max"] = length.MaximumLength }),
        MaxLengthAttribute length => new(ProblemCodes.TooLong, message, new Dictionary<string, object?> { ["max"] = length.Length }),
        MinLengthAttribute length => new(ProblemCodes.TooShort, message, new Dictionary<string, object?> { ["min"] = length.Length }),
        RangeAttribute range => new(ProblemCodes.OutOfRange, message, new Dictionary<string, object?> { ["min"] = range.Minimum, ["max"] = range.Maximum }),
        EmailAddressAttribute => new(ProblemCodes.InvalidEmail, message),
        RegularExpressionAttribute => new(ProblemCodes.InvalidFormat, message),
        _ => new(ProblemCodes.InvalidValue, message),
    };
}
