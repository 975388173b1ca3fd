using System.Xml;

namespace Arkoa.Core.Companies;

/// <summary>
/// Recognises a company logo by its bytes, never by the type the client declared: PNG and JPEG by their
/// signatures, SVG by parsing it as XML whose root is &lt;svg&gt; and which holds nothing that could run.
/// </summary>
public static class LogoImage
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Svg = "image/svg+xml";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    /// <summary>The content type the bytes really are, or null when they are none of the accepted formats.</summary>
    public static string? Sniff(byte[] content)
    {
        if (content.AsSpan().StartsWith(PngSignature)) return Png;
        if (content.AsSpan().StartsWith(JpegSignature)) return Jpeg;
        return IsSafeSvg(content) ? Svg : null;
    }

    private static bool IsSafeSvg(byte[] content)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore, // no entity expansion, nothing fetched
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content, writable: false), settings);
            var sawRoot = false;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (!sawRoot)
                {
                    if (reader.LocalName != "svg") return false;
                    sawRoot = true;
                }
                if (IsActiveContent(reader)) return false;
            }
            return sawRoot;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    // Scripts, embedded HTML and event handlers: a logo never needs them, and they are how an SVG attacks.
    private static bool IsActiveContent(XmlReader element)
    {
        if (element.LocalName.Equals("script", StringComparison.OrdinalIgnoreCase)
            || element.LocalName.Equals("foreignObject", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        for (var more = element.MoveToFirstAttribute(); more; more = element.MoveToNextAttribute())
        {
            if (element.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)) return true;
            if (element.LocalName == "href" && element.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)) return true;
        }
        element.MoveToElement();
        return false;
    }
}
