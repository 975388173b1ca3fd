using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>Reads what the real SMTP server (smtp4dev) received, through its HTTP API.</summary>
public sealed class SmtpInbox(HttpClient http)
{
    public sealed record Message(string Id, string Subject, IReadOnlyList<string> To);

    public async Task<IReadOnlyList<Message>> ListAsync()
    {
        var page = await http.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=5000");
        return page.GetProperty("results").EnumerateArray().Select(m => new Message(
            m.GetProperty("id").GetString()!,
            m.GetProperty("subject").GetString() ?? "",
            m.GetProperty("to").EnumerateArray().Select(t => t.GetString() ?? "").ToList())).ToList();
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> messages to <paramref name="recipient"/> arrived (those whose subject
    /// matches <paramref name="subject"/>, when given: other mails to the same person must not count).
    /// </summary>
    public async Task<IReadOnlyList<Message>> WaitForAsync(string recipient, int count = 1, TimeSpan? timeout = null, Func<string, bool>? subject = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var messages = (await ListAsync())
                .Where(m => m.To.Any(t => t.Contains(recipient, StringComparison.OrdinalIgnoreCase)) && (subject is null || subject(m.Subject))).ToList();
            if (messages.Count >= count || DateTime.UtcNow > deadline) return messages;
            await Task.Delay(250);
        }
    }

    /// <summary>Waits for the one message to <paramref name="recipient"/> whose subject matches; fails if none or several arrive.</summary>
    public async Task<Message> WaitForOneAsync(string recipient, Func<string, bool> subject, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var matching = (await ListAsync()).Where(m => m.To.Any(t => t.Contains(recipient, StringComparison.OrdinalIgnoreCase)) && subject(m.Subject)).ToList();
            if (matching.Count > 0 || DateTime.UtcNow > deadline) return Assert.Single(matching);
            await Task.Delay(250);
        }
    }

    public Task<string> SourceAsync(string id) => http.GetStringAsync($"/api/messages/{id}/source");

    public Task<string> PlainTextAsync(string id) => http.GetStringAsync($"/api/messages/{id}/plaintext");
}
