using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Arkoa.Core.Data;

/// <summary>Stores a <see cref="LeaveType"/> as its code, the same string the enum it replaced was stored as.</summary>
public sealed class LeaveTypeValueConverter() : ValueConverter<LeaveType, string>(type => type.Code, code => new LeaveType(code));
