namespace Arkoa.Worker.Mail.Templates;

/// <summary>A role ("EMPLOYEE", "MANAGER", "ADMIN") as a person reads it, in French or English.</summary>
public static class RoleNames
{
    public static string Of(string role, bool english) => (role, english) switch
    {
        ("ADMIN", true) => "administrator",
        ("ADMIN", false) => "administrateur",
        ("MANAGER", true) => "manager",
        ("MANAGER", false) => "manager",
        (_, true) => "employee",
        (_, false) => "salarié",
    };
}
