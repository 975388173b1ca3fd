using System.Reflection;
using Arkoa.Web.Api;
using Microsoft.AspNetCore.Components.Forms;

namespace Arkoa.Web.Components.Forms;

/// <summary>
/// Shows an <see cref="ApiProblem"/> on an <see cref="EditForm"/>: each field's messages go next to its
/// input (through the edit context, so inputs get the "invalid" class and aria-invalid), the title and
/// any message for a field the form does not have go to the top.
/// </summary>
public sealed class FormErrors
{
    private readonly EditContext editContext;
    private readonly ValidationMessageStore store;

    public FormErrors(EditContext editContext)
    {
        this.editContext = editContext;
        store = new ValidationMessageStore(editContext);
    }

    public string? Title { get; private set; }

    public string? Detail { get; private set; }

    public IReadOnlyList<string> OtherMessages { get; private set; } = [];

    /// <param name="problem">What the Api answered.</param>
    /// <param name="title">Replaces the problem's title (and detail) when the page knows better words.</param>
    public void Show(ApiProblem problem, string? title = null)
    {
        store.Clear();
        Title = title ?? problem.Title;
        Detail = title is null ? problem.Detail : null;

        var others = new List<string>();
        foreach (var (field, messages) in problem.Errors)
        {
            // The Api's keys are camelCase ("annualLeaveDays"); the form's properties are PascalCase.
            var property = editContext.Model.GetType().GetProperty(
                field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                others.AddRange(messages);
            }
            else
            {
                store.Add(editContext.Field(property.Name), messages);
            }
        }
        OtherMessages = others;

        editContext.NotifyValidationStateChanged();
    }

    /// <summary>For a value the page rejects itself, before it is worth asking the Api.</summary>
    /// <param name="title">The summary above the form, in the page's language.</param>
    public void ShowFieldError(string property, string message, string title)
    {
        store.Clear();
        Title = title;
        Detail = null;
        OtherMessages = [];
        store.Add(editContext.Field(property), message);

        editContext.NotifyValidationStateChanged();
    }
}
