namespace Arkoa.Tests.Integration;

// The Api's answers as the tests read them: written here, not borrowed from Arkoa.Api.Contracts, so a renamed or
// dropped field fails a test instead of changing on both sides at once. Only the fields the kits use.

/// <summary>POST /api/auth/sign-in.</summary>
public sealed record SignInAnswer(string Token, SignedInUser User);

public sealed record SignedInUser(string Id, string Email, bool EmailVerified);

/// <summary>POST /api/companies.</summary>
public sealed record CreatedCompany(string Id, string UserMembershipId);

/// <summary>Any 201 whose body names what it created (a leave, a membership).</summary>
public sealed record Created(string Id);

/// <summary>One row of GET …/leave-balances.</summary>
public sealed record BalanceRow(string Type, decimal RemainingDays);

