using Arkoa.Core.Domain;
using SkiaSharp;

namespace Arkoa.Core.Companies;

/// <summary>
/// What an uploaded logo becomes: the bytes to store and their type, or why it is refused (the English message, its
/// <see cref="ProblemCodes"/> code and values).
/// </summary>
public sealed record LogoResult(byte[]? Content, string? ContentType, string? Error, string? ErrorCode = null,
    IReadOnlyDictionary<string, object?>? ErrorValues = null)
{
    public static LogoResult Refused(string code, string error, IReadOnlyDictionary<string, object?>? values = null) =>
        new(null, null, error, code, values);
}

/// <summary>
/// Turns an uploaded logo into an image Arkoa itself drew: a PNG or JPEG is decoded and encoded again (no metadata,
/// trailing bytes or second format survives), an SVG is rasterised to a PNG (nothing in it can run or be fetched when
/// the logo is shown). What the bytes are decides, never the type the client declared. Sizes are checked from the
/// header before anything is decoded, so a small file claiming a huge picture costs nothing.
/// </summary>
public static class LogoImage
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    /// <summary>Only logos stored before SVGs were rasterised have this type; an upload never gets it.</summary>
    public const string Svg = "image/svg+xml";

    /// <summary>A stored logo is at most this many pixels wide and high; larger bitmaps are scaled down.</summary>
    public const int MaxSide = 1024;

    /// <summary>An SVG is drawn with its longer side this long.</summary>
    public const int SvgSide = 512;

    /// <summary>Bitmaps whose header claims more than this are refused before decoding (a decompression bomb).</summary>
    public const int MaxSourceSide = 8192;
    public const long MaxSourcePixels = 16_000_000;

    public const string NotAnImage = "The logo must be a PNG, JPEG or SVG image.";

    private const int JpegQuality = 90;
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    public static LogoResult Normalize(byte[] content)
    {
        if (content.AsSpan().StartsWith(PngSignature)) return Reencode(content, SKEncodedImageFormat.Png);
        if (content.AsSpan().StartsWith(JpegSignature)) return Reencode(content, SKEncodedImageFormat.Jpeg);
        return SvgLogo.Rasterise(content);
    }

    private static LogoResult Reencode(byte[] content, SKEncodedImageFormat format)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data); // reads the header only
        if (codec is null || codec.EncodedFormat != format) return LogoResult.Refused(ProblemCodes.LogoNotAnImage, NotAnImage);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || width > MaxSourceSide || height > MaxSourceSide || (long)width * height > MaxSourcePixels)
        {
            return LogoResult.Refused(ProblemCodes.LogoTooManyPixels,
                $"The logo must be at most {MaxSourceSide}×{MaxSourceSide} pixels and {MaxSourcePixels / 1_000_000} megapixels.",
                new Dictionary<string, object?> { ["maxSide"] = MaxSourceSide, ["maxMegapixels"] = MaxSourcePixels / 1_000_000 });
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) != SKCodecResult.Success) return LogoResult.Refused(ProblemCodes.LogoDamaged, "The image is damaged or incomplete.");

        using var fitted = FitWithin(bitmap, MaxSide);
        return Encode(fitted ?? bitmap, format);
    }

    /// <summary>A scaled-down copy when <paramref name="bitmap"/> is larger than <paramref name="side"/>, else null.</summary>
    private static SKBitmap? FitWithin(SKBitmap bitmap, int side)
    {
        if (bitmap.Width <= side && bitmap.Height <= side) return null;
        var scale = (double)side / Math.Max(bitmap.Width, bitmap.Height);
        var size = new SKImageInfo(Math.Max(1, (int)Math.Round(bitmap.Width * scale)), Math.Max(1, (int)Math.Round(bitmap.Height * scale)),
            bitmap.ColorType, bitmap.AlphaType);
        return bitmap.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }

    internal static LogoResult Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var encoded = bitmap.Encode(format, format == SKEncodedImageFormat.Jpeg ? JpegQuality : 100);
        return encoded is null
            ? LogoResult.Refused(ProblemCodes.LogoNotAnImage, NotAnImage)
            : new LogoResult(encoded.ToArray(), format == SKEncodedImageFormat.Jpeg ? Jpeg : Png, null);
    }
}
