using System.Net.Http.Headers;
using System.Text;

namespace SysDesignLab.LoadTesting;

/// <summary>An <see cref="EndpointSpec"/> parsed once; builds each request with as little work as possible.</summary>
internal sealed class CompiledEndpoint
{
    private readonly string prefix;
    private readonly RequestTemplate path;
    private readonly RequestTemplate? body;
    private readonly Uri? constantUri;
    private readonly byte[]? constantBody;

    public CompiledEndpoint(Uri baseAddress, EndpointSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Name = spec.Name;
        Method = HttpMethod.Parse(spec.Method);
        path = RequestTemplate.Parse(spec.Path);
        body = spec.Body is null ? null : RequestTemplate.Parse(spec.Body);
        Validator = new ResponseValidator(spec.Expect);

        // Paths are appended to the base address (keeping any base path) rather than resolved as relative
        // URIs, where a leading '/' would silently drop the base path.
        var basePath = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
        prefix = spec.Path.StartsWith('/') ? basePath : basePath + "/";
        if (path.IsConstant)
        {
            constantUri = new Uri(prefix + path.Text, UriKind.Absolute);
        }

        if (body is { IsConstant: true })
        {
            constantBody = Encoding.UTF8.GetBytes(body.Text);
        }
    }

    public string Name { get; }
    public HttpMethod Method { get; }
    public ResponseValidator Validator { get; }

    /// <summary>Draws path then body parameters from <paramref name="random"/>, in that order, so runs replay.</summary>
    public LoadRequest CreateRequest(Random random, ConnectProbe probe)
    {
        var uri = constantUri ?? new Uri(prefix + path.Render(random), UriKind.Absolute);
        var request = new LoadRequest(Method, uri, probe);
        if (body is not null)
        {
            var content = new ByteArrayContent(constantBody ?? Encoding.UTF8.GetBytes(body.Render(random)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Content = content;
        }

        return request;
    }
}
