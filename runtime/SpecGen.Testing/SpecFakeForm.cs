using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SpecGen.Testing;

/// <summary>Reads a received <c>multipart/form-data</c> body into its text and file parts, as a server would.</summary>
internal static class SpecFakeForm
{
    public static async Task<(Dictionary<string, string> Fields, Dictionary<string, SpecFakeFormFile> Files)?> ReadAsync(string? contentType, MemoryStream body, CancellationToken cancellationToken)
    {
        if (contentType is null
            || !MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 } boundary)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, SpecFakeFormFile>(StringComparer.Ordinal);
        body.Position = 0;
        var reader = new MultipartReader(boundary, body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition))
                {
                    continue;
                }

                string name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                using var part = new MemoryStream();
                await section.Body.CopyToAsync(part, cancellationToken).ConfigureAwait(false);
                if (disposition.IsFileDisposition())
                {
                    string? fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    files[name] = new SpecFakeFormFile(name, fileName, section.ContentType, part.ToArray());
                }
                else
                {
                    fields[name] = System.Text.Encoding.UTF8.GetString(part.ToArray());
                }
            }
        }
        catch (IOException)
        {
            // A malformed multipart body: the parts read so far are what the request checks see.
        }
        finally
        {
            body.Position = 0;
        }

        return (fields, files);
    }
}
