namespace SpecGen.Testing;

/// <summary>How a <see cref="SpecFakeAnswer"/> breaks the HTTP exchange itself, beyond a bad status or body.</summary>
public enum SpecFakeFault
{
    /// <summary>A well-formed HTTP answer.</summary>
    None,

    /// <summary>
    /// The first half of the body, with a <c>Content-Length</c> of that half: a complete HTTP
    /// answer whose JSON stops in the middle.
    /// </summary>
    TruncatedBody,

    /// <summary>
    /// The full <c>Content-Length</c> and the first half of the body, then, after a pause of
    /// 200 ms that lets that half leave the server, the connection is dropped
    /// (<see cref="Microsoft.AspNetCore.Http.HttpContext.Abort"/>).
    /// </summary>
    DroppedMidBody,

    /// <summary>
    /// The full <c>Content-Length</c> and the first half of the body, then nothing for
    /// <see cref="SpecFakeAnswer.Delay"/> (or until the client leaves), then the rest.
    /// </summary>
    StalledMidBody,
}
