using CsvHelper;

namespace Arkoa.Tests.Integration;

/// <summary>An export's CSV answer read back with CsvHelper, as a spreadsheet would read it.</summary>
public static class CsvAnswer
{
    /// <summary>Checks the UTF-8 byte order mark and the header; returns each record's fields.</summary>
    public static async Task<List<string[]>> ReadAsync(HttpResponseMessage response, char separator, params string[] header)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // UTF-8 byte order mark, for spreadsheets
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = separator });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i) ?? "").ToArray());
        }
        Assert.Equal(header, reader.Headers.ToArray());
        return rows;
    }
}
