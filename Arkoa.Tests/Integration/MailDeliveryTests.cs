using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace Arkoa.Tests.Integration;

[Collection(AppCollection.Name)]
public sealed class MailDeliveryTests(ArkoaAppFixture app)
{
    [Fact]
    public async Task Mail_queued_while_the_smtp_server_is_down_is_retried_and_arrives_once()
    {
        await app.StopAsync("smtp");
        string email;
        try
        {
            email = ApiSession.UniqueEmail("queued");
            var signUp = await app.Api().PostAsJsonAsync("/api/auth/sign-up", new { name = "Queued", email, password = "rusty piano 46 moss" });
            Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);

            // The Worker tries, fails, and schedules a retry: the message is still there, not lost.
            var attempts = await WaitForAttemptsAsync(email, atLeast: 2);
            Assert.True(attempts >= 2, $"Expected at least 2 failed attempts, saw {attempts}.");
        }
        finally
        {
            await app.StartAsync("smtp");
        }

        var mails = await app.Inbox().WaitForAsync(email);
        Assert.Single(mails);
        await Task.Delay(3000); // a duplicate, if any, would come with the next polls
        Assert.Single(await app.Inbox().WaitForAsync(email, timeout: TimeSpan.Zero));
    }

    private async Task<int> WaitForAttemptsAsync(string email, int atLeast)
    {
        await using var connection = new NpgsqlConnection(await app.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var attempts = 0;
        while (DateTime.UtcNow < deadline)
        {
            await using var command = new NpgsqlCommand(
                "SELECT attempts, sent_at IS NULL FROM outbox_messages WHERE payload->>'to' = $1", connection);
            command.Parameters.AddWithValue(email);
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                attempts = reader.GetInt32(0);
                Assert.True(reader.GetBoolean(1), "The message was marked sent while the SMTP server was down.");
                if (attempts >= atLeast) return attempts;
            }
            await Task.Delay(250);
        }
        return attempts;
    }
}
