using BenchmarkDotNet.Running;

namespace IotDevice.Benchmarks
{
    /// <summary>
    /// Run all: <c>dotnet run -c Release --project nf-tests/Benchmarks -- --filter '*'</c>.
    /// Each class measures one hot path beside its naive baseline, with allocations.
    /// </summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
