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

    /// <summary>Waits until at least <paramref name="count"/> messages to <paramref name="recipient"/> arrived.</summary>
    public async Task<IReadOnlyList<Message>> WaitForAsync(string recipient, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var messages = (await ListAsync()).Where(m => m.To.Any(t => t.Contains(recipient, StringComparison.OrdinalIgnoreCase))).ToList();
            if (messages.Count >= count || DateTime.UtcNow > deadline) return messages;
            await Task.Delay(250);
        }
    }

    public Task<string> SourceAsync(string id) => http.GetStringAsync($"/api/messages/{id}/source");

    public Task<string> PlainTextAsync(string id) => http.GetStringAsync($"/api/messages/{id}/plaintext");
}
