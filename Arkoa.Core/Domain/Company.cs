namespace Arkoa.Core.Domain;

public sealed class Company : Entity
{
    public const int NameMaxLength = 100;
    public const int MaxAnnualLeaveDays = 50;
    public const int MaxLogoBytes = 512 * 1024;

    public required string Name { get; set; }
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }
    public string? LogoUrl { get; set; }
    public int AnnualLeaveDays { get; set; } = 25;

    /// <summary>IANA time zone; "today" for the company is computed in it.</summary>
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>
    /// The <see cref="Days.HolidayRegion"/> whose public holidays are closed days: "FR" (metropolitan France, the default),
    /// Alsace-Moselle or an overseas department.
    /// </summary>
    public string HolidayCountry { get; set; } = Days.HolidayRegion.France;

    /// <summary>
    /// Whit Monday is the company's journée de solidarité (L3133-7 ff.): a working day, not a public holiday. False, the
    /// default, keeps it a holiday (the company picked another day, or none).
    /// </summary>
    public bool SolidarityDayWorked { get; set; }
    public decimal CarryOverMaxDays { get; set; } = 5;

    /// <summary>Month and day ("MM-DD") on which carried-over days expire.</summary>
    public string CarryOverExpiresOn { get; set; } = "03-31";
    /// <summary>
    /// After how many whole working days a step of an approval chain is passed on (SPEC §11 escalation); 0, the default,
    /// never (1 to <see cref="Companies.CompanySettings.MaxEscalationWorkingDays"/> otherwise).
    /// </summary>
    public int EscalateAfterWorkingDays { get; set; }

    public DayOfWeek[] WorkingDays { get; set; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public List<Membership> Memberships { get; set; } = [];
    public List<CompanyHoliday> Holidays { get; set; } = [];

    /// <summary>Its leave types (loaded when included); a new company gets the built-ins (<see cref="LeaveTypes.BuiltInLeaveTypes"/>).</summary>
    public List<LeaveTypeDefinition> LeaveTypes { get; set; } = [];
}
