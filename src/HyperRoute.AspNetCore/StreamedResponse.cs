using System;
using System.IO;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Hosting;
using Microsoft.AspNetCore.Http;
using HttpResponse = HyperRoute.Http.HttpResponse;

namespace HyperRoute.AspNetCore;

/// <summary>
/// Sends a chunked response to ASP.NET Core as its handler flushes it (an event stream, a long download): the head at
/// the first flush, then each flushed piece through the response's <c>BodyWriter</c>, which Kestrel frames for the
/// connection's protocol. What is left when the handler ends goes out with <see cref="ResponseWriter"/>.
/// </summary>
internal sealed class StreamedResponse(HttpContext context) : IHostedResponseStream
{
    public ValueTask FlushAsync(HttpResponse response, bool first)
    {
        var target = context.Response;
        if (first)
        {
            target.StatusCode = response.StatusCode;
            ResponseWriter.CopyHeaders(HostedExchange.HeaderLines(response), target.Headers); // no length: Kestrel frames it
        }

        // Copied now, before the first await: the body is emptied when this returns.
        var body = HostedExchange.Body(response);
        if (!body.IsEmpty && ResponseWriter.HasBody(context, response.StatusCode))
        {
            body.CopyTo(target.BodyWriter.GetSpan(body.Length));
            target.BodyWriter.Advance(body.Length);
        }

        return SendAsync(target, first);
    }

    private async ValueTask SendAsync(Microsoft.AspNetCore.Http.HttpResponse target, bool first)
    {
        try
        {
            if (first)
            {
                await target.StartAsync(context.RequestAborted).ConfigureAwait(false); // the client learns the stream is open
            }

            var flushed = await target.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            if (flushed.IsCanceled || flushed.IsCompleted)
            {
                throw new ClientDisconnectedException("The client left while the response was being streamed.");
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException and not ClientDisconnectedException)
        {
            throw new ClientDisconnectedException("The client left while the response was being streamed.", e);
        }
    }
}
