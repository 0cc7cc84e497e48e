using System;
using System.Text;
using System.Threading;

namespace IotDevice.VirtualDevice
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            Console.OutputEncoding = Encoding.UTF8;
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (sender, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            return VirtualDeviceApp.Run(args, Console.In, Console.Out, Console.Error, !Console.IsOutputRedirected, cancel.Token);
        }
    }
}
