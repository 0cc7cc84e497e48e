using System;
using System.Collections.Generic;
using System.IO;
using IotDevice.BrokerHarness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.VirtualDevice.Tests.Simulate
{
    /// <summary>
    /// A local platform (the virtual device's simulate mode) on free loopback ports, with a folder holding a
    /// firmware file and the script it runs; the platform is stopped and the folder removed on Dispose.
    /// </summary>
    internal sealed class LocalPlatformRig : IDisposable
    {
        public const string Firmware = "fw.bin";

        private LocalPlatformRig(string dialect, string[] script, string[] extra)
        {
            Port = FreePort.Next();
            HttpPort = FreePort.Next();
            Folder = Path.Combine(Path.GetTempPath(), "iotdevice-simulate-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Folder);
            byte[] image = new byte[40 * 1024];
            new Random(7).NextBytes(image);
            File.WriteAllBytes(Path.Combine(Folder, Firmware), image);
            var args = new List<string>
            {
                "simulate", "--dialect", dialect, "--port", Port.ToString(), "--http-port", HttpPort.ToString(), "--listen", "127.0.0.1", "--files", Folder,
            };
            if (script != null)
            {
                string path = Path.Combine(Folder, "script.txt");
                File.WriteAllLines(path, script);
                args.Add("--script");
                args.Add(path);
            }
            args.AddRange(extra);
            Run = BackgroundRun.Start(args.ToArray());
            if (!Run.WaitFor("commands: set", 15000))
            {
                Assert.Fail("The local platform did not start:\n" + Run);
            }
        }

        public BackgroundRun Run { get; }

        public int Port { get; }

        public int HttpPort { get; }

        public string Folder { get; }

        public string Output => Run.Output;

        /// <summary>The broker URL for the device's --broker.</summary>
        public string MqttUrl(bool tls = false) => (tls ? "mqtts://" : "mqtt://") + "127.0.0.1:" + Port;

        public string NtpUrl => "http://127.0.0.1:" + HttpPort + "/iot/tool/ntp";

        public static LocalPlatformRig Start(string dialect, string[] script, params string[] extra) => new LocalPlatformRig(dialect, script, extra);

        public void Dispose()
        {
            Run.Dispose();
            try
            {
                Directory.Delete(Folder, true);
            }
            catch (IOException)
            {
            }
        }

        public override string ToString() => "--- platform ---\n" + Run;
    }
}
