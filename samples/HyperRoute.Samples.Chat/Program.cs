using System;
using System.Threading;
using HyperRoute.Http;
using HyperRoute.Samples.Chat;

// dotnet run --project samples/HyperRoute.Samples.Chat -c Release [-- port]   then open http://127.0.0.1:8090/
var port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 8090;
await using var chat = ChatServer.Start(new HttpServerOptions { Port = port });
Console.WriteLine($"chat on http://{chat.Server.EndPoint}/ ({chat.Server.Transport}); Ctrl+C stops");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
try
{
    await System.Threading.Tasks.Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
