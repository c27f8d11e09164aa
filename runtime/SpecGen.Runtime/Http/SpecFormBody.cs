using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// The <c>multipart/form-data</c> body of a request with <c>type: File</c> fields: a text part per
/// other body field, a part per file, each file streamed from its <see cref="SpecFile.Content"/>.
/// </summary>
internal static class SpecFormBody
{
    public static MultipartFormDataContent Create(List<(string Name, string? Text, SpecFile? File)> parts)
    {
        var form = new MultipartFormDataContent();
        foreach ((string name, string? text, SpecFile? file) in parts)
        {
            if (file is null)
            {
                form.Add(new StringContent(text ?? string.Empty), Quoted(name));
                continue;
            }

            var content = new FileContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType ?? "application/octet-stream");
            form.Add(content, Quoted(name), Quoted(file.FileName ?? name));
        }

        return form;
    }

    // MultipartFormDataContent writes names as given: quoted, a name with spaces or ';' stays one name.
    private static string Quoted(string name) => "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>A file part that copies the caller's stream to the wire and leaves it open: the caller owns the file.</summary>
    private sealed class FileContent : HttpContent
    {
        private readonly SpecFile _file;

        public FileContent(SpecFile file) => _file = file;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _file.Content.CopyToAsync(stream, 81920);

        protected override bool TryComputeLength(out long length)
        {
            length = _file.Length ?? -1;
            return _file.Length is not null;
        }
    }
}
