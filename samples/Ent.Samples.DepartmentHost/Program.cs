using Ent.Samples.DepartmentHost;

// Ctrl+C (or the process being stopped) ends the web ENT cleanly; the token lives as long as the process.
var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopping.Cancel();
return await DepartmentHostApp.MainAsync(args, Console.Out, Console.Error, TimeProvider.System, stopping.Token).ConfigureAwait(false);
