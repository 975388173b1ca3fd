using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Arkoa.Core.Companies;
using SkiaSharp;

namespace Arkoa.Tests.Unit;

public sealed class LogoImageTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A real image of one colour, encoded by Skia.</summary>
    public static byte[] Picture(int width, int height, SKEncodedImageFormat format, SKColor? color = null)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color ?? SKColors.SteelBlue);
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static SKBitmap Decode(LogoResult result)
    {
        Assert.Null(result.Error);
        return SKBitmap.Decode(result.Content) ?? throw new InvalidOperationException("The stored logo does not decode.");
    }

    [Fact]
    public void A_png_keeps_its_pixels_and_loses_what_was_appended_after_its_end()
    {
        var png = Picture(40, 20, SKEncodedImageFormat.Png, SKColors.Red).Concat(Utf8("<?php system($_GET['c']); ?><script>alert(1)</script>")).ToArray();

        var result = LogoImage.Normalize(png);

        Assert.Equal(LogoImage.Png, result.ContentType);
        Assert.DoesNotContain("script", Encoding.Latin1.GetString(result.Content!));
        Assert.DoesNotContain("php", Encoding.Latin1.GetString(result.Content!));
        using var bitmap = Decode(result);
        Assert.Equal((40, 20), (bitmap.Width, bitmap.Height));
        Assert.Equal(SKColors.Red, bitmap.GetPixel(10, 10));
    }

    [Fact]
    public void A_jpeg_loses_its_comment_and_metadata_segments()
    {
        var jpeg = Picture(30, 30, SKEncodedImageFormat.Jpeg);
        // After the start-of-image marker: a comment and an APP1 (where EXIF and GPS positions live) segment.
        byte[] Segment(byte marker, string text)
        {
            var body = Utf8(text);
            var segment = new byte[4 + body.Length];
            (segment[0], segment[1]) = ((byte)0xFF, marker);
            BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(body.Length + 2));
            body.CopyTo(segment, 4);
            return segment;
        }
        var withMetadata = jpeg[..2].Concat(Segment(0xFE, "<script>alert(1)</script>")).Concat(Segment(0xE1, "Exif\0\0GPS 48.8566N 2.3522E"))
            .Concat(jpeg[2..]).ToArray();
        Assert.NotNull(SKBitmap.Decode(withMetadata)); // still a valid JPEG

        var result = LogoImage.Normalize(withMetadata);

        Assert.Equal(LogoImage.Jpeg, result.ContentType);
        var stored = Encoding.Latin1.GetString(result.Content!);
        Assert.DoesNotContain("script", stored);
        Assert.DoesNotContain("GPS", stored);
        using var bitmap = Decode(result);
        Assert.Equal((30, 30), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void A_large_bitmap_is_scaled_down_to_fit_1024_pixels_keeping_its_proportions()
    {
        using var bitmap = Decode(LogoImage.Normalize(Picture(2048, 512, SKEncodedImageFormat.Png)));
        Assert.Equal((1024, 256), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void A_bitmap_whose_header_claims_a_huge_picture_is_refused_before_decoding()
    {
        // 50,000 × 50,000 pixels declared in a file of a hundred bytes: decoding it would need 10 GB.
        var bomb = WithSize(Picture(8, 8, SKEncodedImageFormat.Png), 50_000, 50_000);

        var result = LogoImage.Normalize(bomb);

        Assert.Null(result.Content);
        Assert.Contains("8192", result.Error);
    }

    [Theory]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;")]
    [InlineData("just some text")]
    [InlineData("<html><body>hello</body></html>")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg">""")]
    [InlineData("")]
    public void What_is_no_png_jpeg_or_svg_is_refused(string content) =>
        Assert.Equal(LogoImage.NotAnImage, LogoImage.Normalize(Utf8(content)).Error);

    [Fact]
    public void A_png_signature_without_an_image_behind_it_is_refused() =>
        Assert.NotNull(LogoImage.Normalize([.. PngSignature, 0, 0, 0, 13, 7, 7, 7]).Error);

    [Fact]
    public void An_svg_is_drawn_into_a_png_of_512_pixels_on_its_longer_side()
    {
        var svg = """<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="100" height="100" fill="#ff0000"/><rect x="100" width="100" height="100" fill="#0000ff"/></svg>""";

        var result = LogoImage.Normalize(Utf8(svg));

        Assert.Equal(LogoImage.Png, result.ContentType);
        Assert.True(result.Content.AsSpan().StartsWith(PngSignature));
        using var bitmap = Decode(result);
        Assert.Equal((512, 256), (bitmap.Width, bitmap.Height));
        Assert.Equal(SKColors.Red, bitmap.GetPixel(100, 128));
        Assert.Equal(SKColors.Blue, bitmap.GetPixel(400, 128));
    }

    /// <summary>The files that went through the former blocklist (issue 13, point 15), and other ways an SVG runs script.</summary>
    public static TheoryData<string> HostileSvgs() => new()
    {
        """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><a xlink:href="jav&#x09;ascript:alert(document.domain)"><rect width="10" height="10"/></a></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><a><set attributeName="href" to="javascript:alert(1)"/><rect width="10" height="10"/></a></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>@import url("https://attacker.example/x.css"); rect{fill:red}</style><rect width="10" height="10"/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10"/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></div></foreignObject></svg>""",
    };

    [Theory]
    [MemberData(nameof(HostileSvgs))]
    public void A_hostile_svg_becomes_a_plain_png_with_no_script(string svg)
    {
        var result = LogoImage.Normalize(Utf8(svg));

        Assert.Equal(LogoImage.Png, result.ContentType);
        Assert.True(result.Content.AsSpan().StartsWith(PngSignature));
        var stored = Encoding.Latin1.GetString(result.Content!);
        Assert.DoesNotContain("script", stored, StringComparison.OrdinalIgnoreCase);
        using var bitmap = Decode(result);
        Assert.Equal((512, 512), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void Drawing_an_svg_fetches_nothing_it_points_at()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
            var svg = $"""
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" xml:base="{url}/">
                  <image href="{url}/a.png" width="10" height="10"/>
                  <image xlink:href="file:///etc/passwd" width="10" height="10"/>
                  <use href="{url}/b.svg#shape"/>
                  <use xlink:href="{url}/c.svg#shape"/>
                  <filter id="f"><feImage href="{url}/d.png"/></filter>
                  <rect width="10" height="10" filter="url(#f)" fill="url({url}/e.svg#paint)"/>
                  <rect width="10" height="10" style="fill: url('{url}/f.svg#paint')"/>
                  <style>rect {"{"} fill: url({url}/g.svg#p) {"}"}</style>
                </svg>
                """;

            var result = LogoImage.Normalize(Utf8(svg));

            Assert.Equal(LogoImage.Png, result.ContentType);
            Assert.False(listener.Pending(), "Drawing the SVG connected to an address it named.");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void An_svg_whose_uses_multiply_into_millions_of_shapes_is_refused()
    {
        // Each level draws the previous one ten times: 10^7 rectangles from a few hundred bytes.
        var levels = new StringBuilder("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><rect id="l0" width="1" height="1"/>""");
        for (var level = 1; level <= 7; level++)
        {
            levels.Append($"""<g id="l{level}">""");
            for (var copy = 0; copy < 10; copy++) levels.Append($"""<use href="#l{level - 1}"/>""");
            levels.Append("</g>");
        }
        levels.Append("""</defs><use href="#l7"/></svg>""");

        Assert.Contains("50000", LogoImage.Normalize(Utf8(levels.ToString())).Error);
    }

    [Fact]
    public void An_svg_using_itself_is_refused() =>
        Assert.NotNull(LogoImage.Normalize(Utf8("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g id="a"><use href="#a"/></g></svg>""")).Error);

    [Fact]
    public void A_deeply_nested_svg_is_refused_without_recursing_over_it()
    {
        var svg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">""" + string.Concat(Enumerable.Repeat("<g>", 100_000))
            + string.Concat(Enumerable.Repeat("</g>", 100_000)) + "</svg>";

        Assert.Contains("nested", LogoImage.Normalize(Utf8(svg)).Error);
    }

    [Fact]
    public void An_svg_without_a_size_it_can_be_drawn_at_is_refused() =>
        Assert.Contains("size", LogoImage.Normalize(Utf8("""<svg xmlns="http://www.w3.org/2000/svg" width="1e39" height="10"/>""")).Error);

    /// <summary>The PNG with the width and height in its header (IHDR) replaced, and the header's CRC-32 made right again.</summary>
    public static byte[] WithSize(byte[] png, int width, int height)
    {
        var copy = png.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(20), height);
        var crc = 0xFFFFFFFFu;
        foreach (var b in copy.AsSpan(12, 17)) // the chunk type and its 13 bytes of data
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(29), ~crc);
        return copy;
    }
}
