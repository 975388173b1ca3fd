using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Arkoa.Api.Contracts;

/// <summary>?waitingForMe=true on the company's leaves: only the requests waiting for the caller's decision (SPEC §11).</summary>
public sealed class WaitingForMeQuery
{
    [FromQuery(Name = "waitingForMe"), Description("true: only the PENDING requests the caller decides now — without an approval chain, those of the members they decide for; with one, those whose current step waits for them.")]
    public bool? WaitingForMe { get; init; }
}
