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
    private readonly (string Name, RequestTemplate Value)[] headers;

    public CompiledEndpoint(Uri baseAddress, EndpointSpec spec, int index)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Name = spec.Name;
        Index = index;
        Method = HttpMethod.Parse(spec.Method);
        path = RequestTemplate.Parse(spec.Path);
        body = spec.Body is null ? null : RequestTemplate.Parse(spec.Body);
        headers = spec.Headers is null ? [] : [.. spec.Headers.Select(h => (h.Key, RequestTemplate.Parse(h.Value)))];
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
    /// <summary>The endpoint's slot in the per-endpoint statistics.</summary>
    public int Index { get; }
    public HttpMethod Method { get; }
    public ResponseValidator Validator { get; }

    /// <summary>Draws path then body parameters from <paramref name="random"/>, in that order, so runs replay.</summary>
    public LoadRequest CreateRequest(Random random, ConnectProbe probe, UserContext user)
    {
        var uri = constantUri ?? new Uri(prefix + path.Render(random, user), UriKind.Absolute);
        var request = new LoadRequest(Method, uri, probe);
        if (body is not null)
        {
            var content = new ByteArrayContent(constantBody ?? Encoding.UTF8.GetBytes(body.Render(random, user)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Content = content;
        }

        foreach (var (name, value) in headers)
        {
            var text = value.Render(random, user);
            // Content headers (e.g. Content-Type) belong to the body; anything else goes on the request.
            if (!request.Headers.TryAddWithoutValidation(name, text))
            {
                request.Content?.Headers.Remove(name);
                request.Content?.Headers.TryAddWithoutValidation(name, text);
            }
        }

        return request;
    }
}
