using System.Diagnostics.CodeAnalysis;

namespace Arkoa.Web.Api;

/// <summary>Either the value an Api call returned or the <see cref="ApiProblem"/> explaining why it did not.</summary>
public sealed class ApiResult<T> where T : notnull
{
    private ApiResult(T? value, ApiProblem? problem)
    {
        Value = value;
        Problem = problem;
        Succeeded = problem is null;
    }

    public T? Value { get; }

    public ApiProblem? Problem { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded { get; }

    public static ApiResult<T> Success(T value) => new(value, null);

    public static ApiResult<T> Failure(ApiProblem problem) => new(default, problem);
}
