using Arkoa.Core.Domain;
using System.Xml;
using System.Xml.Linq;
using SkiaSharp;
using Svg.Skia;

namespace Arkoa.Core.Companies;

/// <summary>
/// Draws an SVG logo into a PNG. Nothing of the SVG is ever served, so what it could run in a browser no longer matters;
/// what matters is what the renderer would do while drawing it. Svg.Skia fetches the targets of &lt;image&gt;,
/// &lt;feImage&gt; and &lt;use&gt; over HTTP or from files, so the document is first rebuilt keeping only SVG elements and
/// attributes that point nowhere but inside it, and bounded in depth, size and &lt;use&gt; expansion.
/// </summary>
internal static class SvgLogo
{
    public const int MaxDepth = 64;
    public const int MaxElements = 10_000;
    public const int MaxUses = 500;

    /// <summary>Shapes drawn once every &lt;use&gt; is expanded; nested uses can otherwise ask for billions.</summary>
    public const long MaxDrawnElements = 50_000;

    private static readonly XNamespace SvgNamespace = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLinkNamespace = "http://www.w3.org/1999/xlink";

    // Script and foreign content are useless in a picture; images would be fetched (or decoded unchecked); animations
    // are drawn as their first frame anyway.
    private static readonly HashSet<string> DroppedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "image", "feImage", "set", "animate", "animateMotion", "animateTransform", "animateColor", "mpath",
    };

    public static LogoResult Rasterise(byte[] content)
    {
        var document = Clean(content, out var error);
        if (document is null)
            return LogoResult.Refused(error == LogoImage.NotAnImage ? ProblemCodes.LogoNotAnImage : ProblemCodes.LogoSvgUnsupported, error!);

        using var svg = new SKSvg();
        using var reader = document.CreateReader();
        var picture = svg.Load(reader);
        var bounds = picture?.CullRect ?? SKRect.Empty;
        if (picture is null || !(bounds.Width > 0 && bounds.Height > 0) || float.IsInfinity(bounds.Width) || float.IsInfinity(bounds.Height))
        {
            return LogoResult.Refused(ProblemCodes.LogoSvgUnsupported, "The SVG has no size to draw: give it a width and height or a viewBox.");
        }

        var scale = LogoImage.SvgSide / Math.Max(bounds.Width, bounds.Height);
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(bounds.Width * scale)), Math.Max(1, (int)Math.Round(bounds.Height * scale)),
            SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.Scale(scale);
            canvas.Translate(-bounds.Left, -bounds.Top);
            canvas.DrawPicture(picture);
        }
        return LogoImage.Encode(bitmap, SKEncodedImageFormat.Png);
    }

    /// <summary>A copy of the document with only what may be drawn, or null (and why) when it is no SVG or too big.</summary>
    internal static XDocument? Clean(byte[] content, out string? error)
    {
        XDocument source;
        try
        {
            error = Oversized(content);
            if (error is not null) return null;
            using var reader = XmlReader.Create(new MemoryStream(content, writable: false), ReaderSettings());
            source = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            error = LogoImage.NotAnImage;
            return null;
        }
        if (source.Root?.Name != SvgNamespace + "svg")
        {
            error = LogoImage.NotAnImage;
            return null;
        }

        var root = CleanElement(source.Root)!;
        if (TooMuchToDraw(root))
        {
            error = $"The SVG would draw more than {MaxDrawnElements} shapes.";
            return null;
        }
        error = null;
        return new XDocument(root);
    }

    private static XmlReaderSettings ReaderSettings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore, // no entity is expanded, nothing is fetched
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true, // <?xml-stylesheet?> included
    };

    /// <summary>A streaming pass first, so a deeply nested file is refused before anything recurses over it.</summary>
    private static string? Oversized(byte[] content)
    {
        using var reader = XmlReader.Create(new MemoryStream(content, writable: false), ReaderSettings());
        var elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.Depth >= MaxDepth) return $"The SVG is nested more than {MaxDepth} levels deep.";
            if (++elements > MaxElements) return $"The SVG has more than {MaxElements} elements.";
        }
        return null;
    }

    private static XElement? CleanElement(XElement source)
    {
        if (source.Name.Namespace != SvgNamespace || DroppedElements.Contains(source.Name.LocalName)) return null;
        if (source.Name.LocalName == "style" && !IsSelfContainedCss(source.Value)) return null;

        var clean = new XElement(source.Name, source.Attributes().Where(a => IsKept(a)).Select(a => new XAttribute(a)));
        foreach (var node in source.Nodes())
        {
            if (node is XElement child) clean.Add(CleanElement(child));
            else if (node is XText text) clean.Add(new XText(text.Value));
        }
        return clean;
    }

    private static bool IsKept(XAttribute attribute)
    {
        if (attribute.IsNamespaceDeclaration) return true;
        var name = attribute.Name;
        if (name.Namespace != XNamespace.None && name.Namespace != XLinkNamespace) return false; // xml:base, foreign attributes
        if (name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)) return false;
        // Only references to an element of this document: "#logo-shape", whatever an attacker spelled around "javascript:".
        if (name.LocalName == "href") return attribute.Value.StartsWith('#');
        return name.LocalName == "style" ? IsSelfContainedCss(attribute.Value) : !PointsOutside(attribute.Value);
    }

    private static bool IsSelfContainedCss(string css) =>
        !css.Contains('\\') // CSS escapes could spell url( or @import so that no check below sees them
        && !css.Contains("@import", StringComparison.OrdinalIgnoreCase)
        && !css.Contains("@font-face", StringComparison.OrdinalIgnoreCase)
        && !PointsOutside(css);

    /// <summary>True when some url(…) in the value points anywhere but at "#id" in this document.</summary>
    private static bool PointsOutside(string value)
    {
        for (var at = value.IndexOf("url(", StringComparison.OrdinalIgnoreCase); at >= 0;
             at = value.IndexOf("url(", at + 4, StringComparison.OrdinalIgnoreCase))
        {
            var target = value.AsSpan(at + 4).TrimStart().TrimStart("'\"").TrimStart();
            if (!target.StartsWith("#")) return true;
        }
        return false;
    }

    private static bool TooMuchToDraw(XElement root)
    {
        var uses = root.DescendantsAndSelf(SvgNamespace + "use").ToList();
        if (uses.Count > MaxUses) return true;
        var byId = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in root.DescendantsAndSelf())
        {
            if (element.Attribute("id")?.Value is { } id) byId.TryAdd(id, element);
        }

        var costs = new Dictionary<XElement, long>();
        var expanding = new HashSet<XElement>();
        // What one <use> draws: its target's elements plus, recursively, what each <use> among them draws. The recursion
        // goes from <use> to <use> only, so it is at most MaxUses deep; a <use> that reaches itself is too much.
        long Drawn(XElement use)
        {
            if (costs.TryGetValue(use, out var known)) return known;
            if (!expanding.Add(use)) return MaxDrawnElements + 1;
            long cost = 0;
            var href = (use.Attribute("href") ?? use.Attribute(XLinkNamespace + "href"))?.Value;
            if (href is { Length: > 1 } && byId.TryGetValue(href[1..], out var target))
            {
                var subtree = target.DescendantsAndSelf().ToList();
                cost = subtree.Count;
                foreach (var inner in subtree.Where(e => e.Name == SvgNamespace + "use"))
                {
                    cost = Math.Min(cost + Drawn(inner), MaxDrawnElements + 1);
                }
            }
            expanding.Remove(use);
            return costs[use] = cost;
        }

        var total = (long)root.DescendantsAndSelf().Count();
        foreach (var use in uses)
        {
            total += Drawn(use);
            if (total > MaxDrawnElements) return true;
        }
        return false;
    }
}
