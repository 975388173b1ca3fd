using System.Text;
using Arkoa.Core.Companies;

namespace Arkoa.Tests.Unit;

public sealed class LogoImageTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Png_and_jpeg_are_recognised_by_their_signatures()
    {
        Assert.Equal(LogoImage.Png, LogoImage.Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]));
        Assert.Equal(LogoImage.Jpeg, LogoImage.Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 16]));
        Assert.Null(LogoImage.Sniff([0x89, 0x50, 0x4E, 0x47])); // a truncated signature
        Assert.Null(LogoImage.Sniff(Utf8("GIF89a")));
        Assert.Null(LogoImage.Sniff([]));
    }

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>""")]
    [InlineData("""<?xml version="1.0" encoding="UTF-8"?><!-- logo --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg"/>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="https://example.test"><rect/></a><style>rect{fill:red}</style></svg>""")]
    public void A_plain_svg_is_an_svg(string svg) => Assert.Equal(LogoImage.Svg, LogoImage.Sniff(Utf8(svg)));

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><SCRIPT>alert(1)</SCRIPT></svg>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="alert(1)"/></svg>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href=" javascript:alert(1)"><rect/></a></svg>""")]
    [InlineData("""<!DOCTYPE svg [<!ENTITY x "boom">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>""")]
    [InlineData("""<html><svg xmlns="http://www.w3.org/2000/svg"/></html>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg">""")]
    [InlineData("""not xml at all""")]
    public void An_svg_that_could_run_script_or_is_not_an_svg_is_refused(string content) =>
        Assert.Null(LogoImage.Sniff(Utf8(content)));
}
