namespace Arkoa.Worker.Outbox;

/// <summary>
/// The loop of an outbox dispatcher (mails, webhooks): runs a step until the Worker stops, and waits the poll interval
/// when the step found less than a full load or the database failed. A failed step marked nothing, so nothing is lost:
/// it is looked at again after the wait.
/// </summary>
public static class PollingLoop
{
    /// <param name="step">Handles due work; true when there may be more at once (a full load).</param>
    /// <param name="what">Names the dispatcher in the warning of a failed step ("Outbox", "Webhook").</param>
    public static async Task RunAsync(
        Func<CancellationToken, Task<bool>> step, Func<TimeSpan> pollInterval, TimeProvider clock, ILogger logger, string what,
        CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool more;
            try
            {
                more = await step(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database itself failed (or vanished): what was in hand was not marked; look again later.
                logger.LogWarning(e, "{Dispatcher} dispatch failed before the work in hand could be marked.", what);
                more = false;
            }
            if (!more)
            {
                await Task.Delay(pollInterval(), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
