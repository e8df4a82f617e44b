using BenchmarkDotNet.Running;

// `page-load` runs the web ENT's loopback load test; anything else goes to BenchmarkDotNet.
if (args is ["page-load", ..])
{
    return await Ent.Benchmarks.PageLoad.PageLoadTest.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Ent.Benchmarks.PageLoad.PageLoadTest).Assembly).Run(args);
return 0;
