using CsvHelper;

namespace Arkoa.Tests.Unit;

/// <summary>A CSV file of Arkoa.Tests/Corpus (copied beside the tests), as rows of named fields.</summary>
internal static class CorpusFile
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string fileName)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", fileName));
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ',' });
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (reader.Read())
        {
            var headers = reader.Headers.ToArray();
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(i => headers[i], i => reader.GetString(i) ?? ""));
        }
        return rows;
    }
}
