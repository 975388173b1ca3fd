using System.Text.RegularExpressions;
using Arkoa.Tests.Operations;

namespace Arkoa.Tests.Unit;

/// <summary>
/// The Web's stylesheets close every rule they open. A lost '}' is no syntax error to a browser: it reads the rules that
/// follow as nested inside the unclosed one, so whole sections (a merge once swallowed the list filters' styles into
/// a chart's figures) silently stop applying. The stylesheets use no CSS nesting, so a rule inside a rule is a mistake;
/// only at-rules (@media, @supports…) hold rules.
/// </summary>
public sealed partial class StylesheetStructureTests
{
    public static TheoryData<string> Stylesheets() => new(
        Directory.GetFiles(Path.Combine(Repository.Root, "Arkoa.Web", "wwwroot"), "*.css").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Stylesheets))]
    public void Every_rule_is_closed_and_only_at_rules_hold_rules(string file)
    {
        var css = Comment().Replace(File.ReadAllText(Path.Combine(Repository.Root, "Arkoa.Web", "wwwroot", file)),
            m => new string('\n', m.Value.Count(c => c == '\n')));
        var open = new Stack<(string Prelude, int Line)>();
        var line = 1;
        var start = 0;
        for (var i = 0; i < css.Length; i++)
        {
            switch (css[i])
            {
                case '\n':
                    line++;
                    break;
                case '{':
                    var prelude = css[start..i].Trim();
                    if (open.TryPeek(out var outer) && !outer.Prelude.StartsWith('@'))
                        Assert.Fail($"{file}:{line}: '{prelude}' opens inside '{outer.Prelude}' (line {outer.Line}), which was never closed");
                    open.Push((prelude, line));
                    start = i + 1;
                    break;
                case '}':
                    Assert.True(open.Count > 0, $"{file}:{line}: a '}}' closes nothing");
                    open.Pop();
                    start = i + 1;
                    break;
                case ';':
                    start = i + 1;
                    break;
            }
        }

        Assert.True(open.Count == 0, $"{file}: '{(open.Count > 0 ? open.Peek().Prelude : "")}' is never closed");
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
