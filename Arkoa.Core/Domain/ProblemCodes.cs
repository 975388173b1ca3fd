namespace Arkoa.Core.Domain;

/// <summary>
/// Every code a problem of the Api can carry (<c>type</c> https://arkoa.dev/problems/&lt;code&gt; and the extension
/// <c>code</c>; field errors in <c>errorCodes</c>): stable, kebab-case, never reused for another meaning. Clients such as
/// the Web localise by code and values instead of by the English text. One list, so a test can check that each has its
/// words in every language (docs/problem-codes.md lists them with their status and values).
/// </summary>
public static class ProblemCodes
{
    // The request itself: framework, model binding, JSON and the rules every field follows.
    public const string InvalidRequest = "invalid-request";
    public const string UnreadableRequest = "unreadable-request";
    public const string InvalidJson = "invalid-json";
    public const string InvalidValue = "invalid-value";
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string TooShort = "too-short";
    public const string LengthOutOfRange = "length-out-of-range";
    public const string OutOfRange = "out-of-range";
    public const string InvalidEmail = "invalid-email";
    public const string InvalidFormat = "invalid-format";
    public const string ControlCharacters = "control-characters";
    public const string DateOutOfRange = "date-out-of-range";
    public const string InvalidDate = "invalid-date";
    public const string InvalidChoice = "invalid-choice";
    public const string InvalidUuid = "invalid-uuid";
    public const string EndBeforeStart = "end-before-start";
    public const string BodyTooLarge = "body-too-large";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string NotFound = "not-found";
    public const string Forbidden = "forbidden";
    public const string NotSignedIn = "not-signed-in";
    public const string TooManyRequests = "too-many-requests";
    public const string ServerError = "server-error";
    public const string Unavailable = "unavailable";
    public const string Conflict = "conflict";
    public const string KeptHistory = "kept-history";
    public const string CrossOriginCookie = "cross-origin-cookie";

    // Accounts, sessions and links.
    public const string WrongCredentials = "wrong-credentials";
    public const string SessionEnded = "session-ended";
    public const string SessionNotFound = "session-not-found";
    public const string TooManyAttempts = "too-many-attempts";
    public const string TooManyFailedSignIns = "too-many-failed-sign-ins";
    public const string PasswordTooShort = "password-too-short";
    public const string PasswordTooLong = "password-too-long";
    public const string PasswordTooEasy = "password-too-easy";
    public const string WrongPassword = "wrong-password";
    public const string WrongCurrentPassword = "wrong-current-password";
    public const string CurrentPasswordRequired = "current-password-required";
    public const string InvalidLink = "invalid-link";
    public const string LinkExpired = "link-expired";
    public const string AddressAlreadyConfirmed = "address-already-confirmed";
    public const string EmailAlreadyConfirmed = "email-already-confirmed";
    public const string EmailNotVerified = "email-not-verified";
    public const string EmailTaken = "email-taken";
    public const string TooManyConfirmationLinks = "too-many-confirmation-links";
    public const string TooManyEmailChanges = "too-many-email-changes";
    public const string NameBlank = "name-blank";
    public const string LastAdminOfCompany = "last-admin-of-company";

    // Companies, settings, holidays, logo.
    public const string NotAMember = "not-a-member";
    public const string CompanyNameTaken = "company-name-taken";
    public const string AdminOnlyCompanySettings = "admin-only-company-settings";
    public const string AdminOnlyCompanyDelete = "admin-only-company-delete";
    public const string AdminOnlyHolidays = "admin-only-holidays";
    public const string AdminOnlyLogo = "admin-only-logo";
    public const string ManagerOnlyCompanyView = "manager-only-company-view";
    public const string ManagerOnlyExport = "manager-only-export";
    public const string ManagerOnlyLedger = "manager-only-ledger";
    public const string LogoUrlInvalid = "logo-url-invalid";
    public const string TimeZoneInvalid = "time-zone-invalid";
    public const string HolidayCountryUnsupported = "holiday-country-unsupported";
    public const string CarryOverOutOfRange = "carry-over-out-of-range";
    public const string CarryOverExpiryInvalid = "carry-over-expiry-invalid";
    public const string WorkingDaysRequired = "working-days-required";
    public const string EscalationDelayOutOfRange = "escalation-delay-out-of-range";
    public const string HolidayNotFound = "holiday-not-found";
    public const string HolidayDateTaken = "holiday-date-taken";
    public const string CalendarNotFound = "calendar-not-found";
    public const string LogoNotFound = "logo-not-found";
    public const string LogoFileMissing = "logo-file-missing";
    public const string LogoEmpty = "logo-empty";
    public const string LogoTooLarge = "logo-too-large";
    public const string LogoNotAnImage = "logo-not-an-image";
    public const string LogoTooManyPixels = "logo-too-many-pixels";
    public const string LogoDamaged = "logo-damaged";
    public const string LogoSvgUnsupported = "logo-svg-unsupported";

    // Members and invitations.
    public const string MembershipNotFound = "membership-not-found";
    public const string MembershipDeactivated = "membership-deactivated";
    public const string ManagerOnlyAddMembers = "manager-only-add-members";
    public const string ManagerOnlyChangeMembers = "manager-only-change-members";
    public const string ManagerOnlyRemoveMembers = "manager-only-remove-members";
    public const string AdminOnlyAddPrivileged = "admin-only-add-privileged";
    public const string AdminOnlyRoles = "admin-only-roles";
    public const string AdminOnlyDeactivatePrivileged = "admin-only-deactivate-privileged";
    public const string AdminOnlyRemovePrivileged = "admin-only-remove-privileged";
    public const string LastActiveAdmin = "last-active-admin";
    public const string CannotChangeOwnMembership = "cannot-change-own-membership";
    public const string AlreadyMember = "already-member";
    public const string AlreadyMemberDeactivated = "already-member-deactivated";
    public const string YouAreAlreadyMember = "you-are-already-member";
    public const string PrivilegedInvitationOpen = "privileged-invitation-open";
    public const string TooManyCompanyInvitations = "too-many-company-invitations";
    public const string TooManyAddressInvitations = "too-many-address-invitations";
    public const string InvitationNotFound = "invitation-not-found";
    public const string InvitationExpired = "invitation-expired";
    public const string InvitationReplaced = "invitation-replaced";
    public const string InvitationAccepted = "invitation-accepted";
    public const string InvitationOtherAddress = "invitation-other-address";
    public const string ManagerOnlyInvitations = "manager-only-invitations";
    public const string ManagerOnlyRevokeInvitations = "manager-only-revoke-invitations";
    public const string AdminOnlyRevokePrivileged = "admin-only-revoke-privileged";

    // Teams (TeamErrors).
    public const string AdminOnlyTeams = "admin-only-teams";
    public const string TeamNotFound = "team-not-found";
    public const string TeamNameTaken = "team-name-taken";
    public const string TeamParentNotFound = "team-parent-not-found";
    public const string TeamCycle = "team-cycle";
    public const string TeamHasSubTeams = "team-has-sub-teams";
    public const string DefaultTeamKept = "default-team-kept";
    public const string TeamMemberInactive = "team-member-inactive";
    public const string NotInTeam = "not-in-team";
    public const string NotTeamManager = "not-team-manager";

    // Approval chains, approvers and delegations (ApprovalErrors, LeaveErrors.NotYourStep).
    public const string ApprovalNotYourStep = "approval-not-your-step";
    public const string ApprovalStepDecided = "approval-step-decided";
    public const string AdminOnlyApprovals = "admin-only-approvals";
    public const string ApprovalChainNotFound = "approval-chain-not-found";
    public const string ApprovalChainSteps = "approval-chain-steps";
    public const string ApprovalStepMember = "approval-step-member";
    public const string ApprovalApproverInvalid = "approval-approver-invalid";
    public const string DelegationDates = "delegation-dates";
    public const string DelegationNotYours = "delegation-not-yours";
    public const string DelegationNotFound = "delegation-not-found";

    // The Approve and Reject links of an approver's mail (DecisionLinkErrors; invalid-link and link-expired too).
    public const string DecisionLinkUsed = "decision-link-used";

    // Capacity: coverage rules and blackout periods (CapacityErrors).
    public const string AdminOnlyBlackouts = "admin-only-blackouts";
    public const string BlackoutPeriod = "blackout-period";
    public const string BlackoutNotFound = "blackout-not-found";
    public const string BlackoutTooLong = "blackout-too-long";
    public const string BlackoutTypesEmpty = "blackout-types-empty";
    public const string CoverageMinimumRange = "coverage-minimum-range";
    public const string CoverageMaximumRange = "coverage-maximum-range";
    public const string CoverageBreach = "coverage-breach";
    public const string CoverageOverrideNoteRequired = "coverage-override-note-required";

    // Balances.
    public const string ManagerOnlyBalances = "manager-only-balances";
    public const string OwnBalanceAdjustment = "own-balance-adjustment";
    public const string AdminOnlyPrivilegedBalance = "admin-only-privileged-balance";
    public const string BalanceChangeZero = "balance-change-zero";
    public const string BalanceChangeHalfDays = "balance-change-half-days";
    public const string BalanceKindByLeaves = "balance-kind-by-leaves";
    public const string BalanceBelowZero = "balance-below-zero";

    // Leaves (LeaveErrors).
    public const string NotAllowed = "not-allowed";
    public const string ReviewNeedsManager = "review-needs-manager";
    public const string OwnLeaveReview = "own-leave-review";
    public const string LeaveOutsideTheirTeams = "leave-outside-their-teams";
    public const string ApprovedCancelNeedsManager = "approved-cancel-needs-manager";
    public const string LeaveNotFound = "leave-not-found";
    public const string MembershipDeactivatedCancelOnly = "membership-deactivated-cancel-only";
    public const string StaleLeave = "stale-leave";
    public const string LeaveOverlap = "leave-overlap";
    public const string LeaveNotPending = "leave-not-pending";
    public const string LeaveStarted = "leave-started";
    public const string LeaveNotCancelable = "leave-not-cancelable";
    public const string LeaveNotDeletable = "leave-not-deletable";
    public const string InsufficientBalance = "insufficient-balance";
    public const string HalfDayPeriodOneDayOnly = "half-day-period-one-day-only";
    public const string HalfDayPeriodWithHalves = "half-day-period-with-halves";
    public const string LeaveTooLong = "leave-too-long";
    public const string InvertedHalfDays = "inverted-half-days";
    public const string BackfillNeedsManager = "backfill-needs-manager";
    public const string NoWorkingDay = "no-working-day";
    public const string ReviewStatusInvalid = "review-status-invalid";
    public const string RejectionNoteRequired = "rejection-note-required";
    public const string CancelItYourself = "cancel-it-yourself";
    public const string CancelAlreadyRequested = "cancel-already-requested";
    public const string NoCancelRequest = "no-cancel-request";
    public const string DeclineNoteRequired = "decline-note-required";

    // API tokens and idempotency keys.
    public const string TokenInvalid = "token-invalid";
    public const string TokenScopeMissing = "token-scope-missing";
    public const string TokenNotAllowed = "token-not-allowed";
    public const string TokenScopeNotYours = "token-scope-not-yours";
    public const string TooManyTokens = "too-many-tokens";
    public const string TokenNotFound = "token-not-found";
    public const string AdminOnlyApiTokens = "admin-only-api-tokens";
    public const string InvalidIdempotencyKey = "invalid-idempotency-key";
    public const string IdempotencyKeyReused = "idempotency-key-reused";
    public const string IdempotencyKeyInProgress = "idempotency-key-in-progress";

    // Webhooks.
    public const string AdminOnlyWebhooks = "admin-only-webhooks";
    public const string WebhookUrlNotAllowed = "webhook-url-not-allowed";
    public const string TooManyWebhooks = "too-many-webhooks";
    public const string WebhookNotFound = "webhook-not-found";
    public const string WebhookDeliveryNotFound = "webhook-delivery-not-found";
    public const string WebhookDeliveryNotDead = "webhook-delivery-not-dead";
    public const string ChatChannelNotFound = "chat-channel-not-found";

    // SCIM provisioning (the company's SCIM token; SCIM's own answers use its error schema, not these).
    public const string AdminOnlyScim = "admin-only-scim";
    public const string ScimTokenNotFound = "scim-token-not-found";

    // Single sign-on (OpenID Connect).
    public const string AdminOnlySso = "admin-only-sso";
    public const string SsoIssuerNotAllowed = "sso-issuer-not-allowed";
    public const string InvalidEmailDomain = "invalid-email-domain";
    public const string SsoNotConfigured = "sso-not-configured";
    public const string SsoRequired = "sso-required";
    public const string SsoSignInFailed = "sso-sign-in-failed";
    public const string SsoEmailNotVerified = "sso-email-not-verified";
    public const string SsoDomainNotAllowed = "sso-domain-not-allowed";
    public const string SsoIdentityConflict = "sso-identity-conflict";
    public const string SsoAccountNotMember = "sso-account-not-member";
    public const string SsoProviderUnavailable = "sso-provider-unavailable";

    // Leave types (LeaveTypeErrors).
    public const string UnknownLeaveType = "unknown-leave-type";
    public const string LeaveTypeArchived = "leave-type-archived";
    public const string LeaveTypeInHours = "leave-type-in-hours";
    public const string LeaveTypeWholeDays = "leave-type-whole-days";
    public const string LeaveTypeTooLong = "leave-type-too-long";
    public const string LeaveTypeInUse = "leave-type-in-use";
    public const string LeaveTypeBuiltIn = "leave-type-built-in";
    public const string LeaveTypeCodeTaken = "leave-type-code-taken";
    public const string LeaveTypeNotFound = "leave-type-not-found";
    public const string AdminOnlyLeaveTypes = "admin-only-leave-types";

    /// <summary>Every code above, for tests and documentation.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(ProblemCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();
}
