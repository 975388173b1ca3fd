using CsvHelper;

namespace Arkoa.Api.Exports;

/// <summary>The one CSV dialect of every export: RFC 4180, UTF-8 with a byte order mark (so spreadsheets read accents right).</summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    // A cell that a spreadsheet would run as a formula (= + - @, tab, CR at its start) gets a leading quote,
    // OWASP's advice against CSV injection. CsvHelper applies it to text only, so negative numbers stay numbers.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
        TrueValue = "true",
        FalseValue = "false",
    };

    // The French dialect (?format=fr of the payroll export): a French spreadsheet or payroll tool splits on ";" and reads
    // "1,5" as a number; everything else (encoding, byte order mark, quoting, formula escaping) stays the same.
    private static readonly CsvWriterOptions FrenchOptions = Options with
    {
        Separator = ';',
        FormatProvider = new System.Globalization.NumberFormatInfo { NumberDecimalSeparator = ",", NegativeSign = "-" },
    };

    public static CsvWriter Create(Stream stream) => CsvWriter.Create(stream, Options, leaveOpen: true);

    /// <summary>A writer of <c>;</c>-separated fields with <c>,</c> decimals when <paramref name="french"/>, else the usual dialect.</summary>
    public static CsvWriter Create(Stream stream, bool french) => CsvWriter.Create(stream, french ? FrenchOptions : Options, leaveOpen: true);
}
