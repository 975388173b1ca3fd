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

    public static CsvWriter Create(Stream stream) => CsvWriter.Create(stream, Options, leaveOpen: true);
}
