using System;
using System.CommandLine;
using System.IO;
using IotDevice.Dialects.Alink;
using IotDevice.Dialects.EztCloud;
using IotDevice.Dialects.FastBee;
using IotDevice.Topics;

namespace IotDevice.TopicTable
{
    /// <summary>
    /// Prints the device-side topic table of each dialect for one device identity: what the device
    /// publishes, what it receives, and what the session subscribes after connecting.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            Option<string> dialect = new Option<string>("--dialect", "-d")
            {
                Description = "Which dialect to print: all, fastbee, alink or eztcloud.",
                DefaultValueFactory = _ => "all",
            };
            dialect.AcceptOnlyFromAmong("all", "fastbee", "alink", "eztcloud");
            Option<string> productId = Identity("--product-id", "FastBee product id.", "41");
            Option<string> deviceNum = Identity("--device-num", "FastBee device number.", "D6329VL548866");
            Option<string> productKey = Identity("--product-key", "Alink ProductKey.", "a1X2bEnTest");
            Option<string> deviceName = Identity("--device-name", "Alink DeviceName.", "example1");
            Option<string> username = Identity("--username", "EZtCloud device username (DU_…).", "DU_JEwVTAmL3m");

            RootCommand root = new RootCommand("Prints each dialect's device topic table for a device identity.")
            {
                dialect, productId, deviceNum, productKey, deviceName, username,
            };
            root.SetAction(parse =>
            {
                string which = parse.GetValue(dialect);
                try
                {
                    if (which == "all" || which == "fastbee")
                    {
                        Print(Console.Out, "FastBee", FastBeeTopics.Create(parse.GetValue(productId), parse.GetValue(deviceNum)));
                    }
                    if (which == "all" || which == "alink")
                    {
                        Print(Console.Out, "Alink (Alibaba Cloud IoT)", AlinkTopics.Create(parse.GetValue(productKey), parse.GetValue(deviceName)));
                    }
                    if (which == "all" || which == "eztcloud")
                    {
                        Print(Console.Out, "EZtCloud", EztCloudTopics.Create(parse.GetValue(username)));
                    }
                    return 0;
                }
                catch (ArgumentException e)
                {
                    Console.Error.WriteLine("error: " + e.Message);
                    return 2;
                }
            });
            return root.Parse(args).Invoke();
        }

        private static Option<string> Identity(string name, string description, string example)
        {
            return new Option<string>(name)
            {
                Description = description + " Default: the documentation's example.",
                DefaultValueFactory = _ => example,
            };
        }

        private static void Print(TextWriter output, string title, IotDevice.Topics.TopicTable table)
        {
            output.WriteLine(title);
            output.WriteLine($"  {"direction",-10}{"kind",-28}topic");
            for (int i = 0; i < table.Count; i++)
            {
                TopicDefinition row = table.DefinitionAt(i);
                string direction = row.Direction switch
                {
                    TopicDirection.Publish => "publish",
                    TopicDirection.Subscribe => row.SubscribeByDefault ? "receive" : "receive*",
                    _ => "both*",
                };
                output.WriteLine($"  {direction,-10}{row.Kind,-28}{table.DisplayAt(i)}");
            }
            string[] filters = table.GetSubscribeFilters();
            output.WriteLine($"  subscribed after every connect ({filters.Length}):");
            foreach (string filter in filters)
            {
                output.WriteLine("    " + filter);
            }
            output.WriteLine("  (* recognised, subscribed only when the app asks)");
            output.WriteLine();
        }
    }
}
