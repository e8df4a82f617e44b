using Ent.Samples.DepartmentHost;

return await DepartmentHostApp.RunAsync(args, Console.Out, Console.Error, TimeProvider.System).ConfigureAwait(false);
