using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Threading;
using IotDevice.VirtualDevice.Cli;
using IotDevice.VirtualDevice.Output;
using IotDevice.VirtualDevice.Profiles;

namespace IotDevice.VirtualDevice.Simulate
{
    /// <summary>
    /// <c>simulate</c>: a dialect's platform as a real MQTT endpoint on this machine, for boards on the
    /// network, the virtual device in --broker mode, or any MQTT client. Exit codes as for the device:
    /// 0 stopped (quit, the end of the input and Ctrl+C, or a script that ended), 1 it could not start or
    /// a script command failed, 2 bad arguments.
    /// </summary>
    internal static class SimulateCommand
    {
        public static Command Create(TextReader input, TextWriter output, TextWriter error, bool interactive, CancellationToken cancel, Action<int> exitCode)
        {
            var dialect = new Option<string>("--dialect", "-d") { Description = "The platform to run: fastbee, alink or eztcloud.", Required = true };
            dialect.AcceptOnlyFromAmong(RunSettings.FastBee, RunSettings.Alink, RunSettings.EztCloud);
            var port = new Option<int>("--port", "-p") { Description = "MQTT port (plain, or TLS with --tls).", DefaultValueFactory = _ => 1883 };
            var listen = new Option<string>("--listen") { Description = "Address to listen on: 0.0.0.0 for every interface, 127.0.0.1 for this machine only.", DefaultValueFactory = _ => "0.0.0.0" };
            var publicHost = new Option<string>("--public-host") { Description = "The name or address devices reach this machine by, used in download URLs and the certificate. Default: this machine's first network address." };
            var httpPort = new Option<int>("--http-port") { Description = "Port of the download server (firmware, configs, FastBee's /iot/tool/ntp).", DefaultValueFactory = _ => 8080 };
            var files = new Option<DirectoryInfo>("--files") { Description = "A folder served over HTTP as it is; file names in commands are relative to it. Default: only offered files are served, names are relative to the current folder." };
            var tls = new Option<bool>("--tls") { Description = "Serve MQTT over TLS with a certificate made here (its CA is kept in --tls-dir: give ca.pem to the device)." };
            var tlsDir = new Option<DirectoryInfo>("--tls-dir") { Description = "Where the made CA and certificate are kept between runs. Default: " + DefaultTlsFolder() + "." };
            var cert = new Option<FileInfo>("--cert") { Description = "Serve MQTT over TLS with this certificate: PEM (with --key) or PKCS#12 without a password." };
            var key = new Option<FileInfo>("--key") { Description = "The PEM private key of --cert." };
            var script = new Option<FileInfo>("--script") { Description = "Commands to run first, one per line (set, call, firmware, config, wait, sleep, quit); then the console's." };
            var identity = new IdentityOptions(device: false);

            var command = new Command("simulate", "Runs a platform on this machine for real devices: an MQTT broker that checks logins and answers as the "
                + "platform does, and a download server. Drive it with commands typed here or from --script:\n" + PlatformCommand.Help)
            {
                dialect, port, listen, publicHost, httpPort, files, tls, tlsDir, cert, key, script,
            };
            identity.AddTo(command);
            command.SetAction(parse =>
            {
                var settings = new SimulateSettings { Device = identity.Read(parse), Dialect = parse.GetValue(dialect) };
                string problem = Complete(settings, parse.GetValue(port), parse.GetValue(listen), parse.GetValue(publicHost), parse.GetValue(httpPort),
                    parse.GetValue(files), parse.GetValue(tls), parse.GetValue(tlsDir), parse.GetValue(cert), parse.GetValue(key), parse.GetValue(script));
                int code;
                if (problem != null)
                {
                    error.WriteLine("error: " + problem);
                    code = VirtualDeviceApp.BadArguments;
                }
                else
                {
                    code = Execute(settings, input, output, error, interactive, cancel);
                }
                exitCode(code);
                return code;
            });
            return command;
        }

        private static string Complete(SimulateSettings settings, int port, string listen, string publicHost, int httpPort, DirectoryInfo files,
            bool tls, DirectoryInfo tlsDir, FileInfo cert, FileInfo key, FileInfo script)
        {
            if (port < 1 || port > 65535 || httpPort < 1 || httpPort > 65535)
            {
                return "--port and --http-port must be TCP ports (1–65535)";
            }
            if (port == httpPort)
            {
                return "--port and --http-port must differ";
            }
            settings.Port = port;
            settings.HttpPort = httpPort;
            if (!IPAddress.TryParse(listen, out IPAddress address))
            {
                return "--listen '" + listen + "' is not an IP address (0.0.0.0 for every interface)";
            }
            settings.Listen = address;
            if (publicHost != null && Uri.CheckHostName(publicHost) == UriHostNameType.Unknown)
            {
                return "--public-host '" + publicHost + "' is not a host name or address";
            }
            settings.PublicHost = publicHost ?? GuessPublicHost(address);
            if (files != null && !files.Exists)
            {
                return "the folder '" + files.FullName + "' does not exist";
            }
            settings.FilesFolder = files?.FullName;
            if (key != null && cert == null)
            {
                return "--key goes with --cert";
            }
            if (cert != null)
            {
                if (!cert.Exists || (key != null && !key.Exists))
                {
                    return "the certificate file '" + (cert.Exists ? key.FullName : cert.FullName) + "' does not exist";
                }
                if (key == null && !(cert.Extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || cert.Extension.Equals(".p12", StringComparison.OrdinalIgnoreCase)))
                {
                    return "--cert " + cert.Name + " needs --key with its private key (or give a .pfx/.p12 file)";
                }
            }
            settings.Tls = tls || cert != null;
            settings.CertificateFile = cert?.FullName;
            settings.KeyFile = key?.FullName;
            settings.TlsFolder = tlsDir?.FullName ?? DefaultTlsFolder();
            if (script != null)
            {
                if (!script.Exists)
                {
                    return "the script '" + script.FullName + "' does not exist";
                }
                settings.Script = PlatformCommand.ParseScript(script.FullName, out string problem);
                if (settings.Script == null)
                {
                    return problem;
                }
            }
            return VirtualDeviceApp.Profile(settings.Dialect, settings.Device).CheckArguments();
        }

        private static int Execute(SimulateSettings settings, TextReader input, TextWriter output, TextWriter error, bool interactive, CancellationToken cancel)
        {
            DialectProfile profile = VirtualDeviceApp.Profile(settings.Dialect, settings.Device);
            ConversationView view = ConversationView.Create(output, interactive);
            using var platform = new LocalPlatform(profile, settings, view);
            string problem = platform.Start();
            if (problem != null)
            {
                error.WriteLine("error: " + problem);
                return VirtualDeviceApp.ConversationFailed;
            }
            view.Title(profile.Name + " local platform — " + platform.MqttUrl + ", files " + platform.HttpUrl);
            view.Note("listening on " + settings.Listen + ":" + settings.Port + (settings.Tls ? " (TLS)" : "") + " for the device "
                + profile.DeviceArguments() + "; it accepts " + profile.LoginsAccepted);
            if (platform.CaFile != null)
            {
                view.Note("devices must trust the CA in " + platform.CaFile);
            }
            view.Note("the virtual device as this device: dotnet run --project samples/VirtualDevice -- --broker " + platform.MqttUrl
                + " --dialect " + profile.Key + " " + profile.DeviceArguments() + (platform.CaFile != null ? " --ca-file " + platform.CaFile : "")
                + (profile.HttpRoute != null ? " [--encrypted --ntp-url " + platform.HttpUrl.TrimEnd('/') + profile.HttpRoute + "]" : ""));
            view.Note("commands: set, call, firmware, config, wait, sleep, status, help, quit");
            bool ok = new PlatformConsole(platform, profile, view, settings.FilesFolder).Run(settings.Script, input, cancel);
            view.Note("platform stopped");
            if (!ok)
            {
                error.WriteLine("error: a script command failed");
                return VirtualDeviceApp.ConversationFailed;
            }
            return VirtualDeviceApp.Ok;
        }

        // Listening on one address: that one. On every interface: the first up, non-loopback IPv4 address, so a board on the network can reach it.
        private static string GuessPublicHost(IPAddress listen)
        {
            if (!listen.Equals(IPAddress.Any) && !listen.Equals(IPAddress.IPv6Any))
            {
                return listen.ToString();
            }
            IPAddress found = NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
            return found?.ToString() ?? "localhost";
        }

        private static string DefaultTlsFolder() =>
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "IotDevice", "simulator-tls");
    }
}
