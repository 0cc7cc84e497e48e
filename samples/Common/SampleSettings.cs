using System;
using System.IO;
using IotDevice.Json;

namespace IotDevice.Samples
{
    /// <summary>
    /// The sample's settings: a small JSON file put on the board's internal storage (I:\settings.json,
    /// with nanoff --filedeployment), so no credential is ever compiled into the app or committed. Read
    /// with the SDK's own JSON reader. A missing key is an error that names the key, never a value.
    /// </summary>
    public sealed class SampleSettings
    {
        /// <summary>Where the samples look for their settings.</summary>
        public const string DefaultPath = "I:\\settings.json";

        private readonly JsonElement _root;

        private SampleSettings(JsonElement root)
        {
            _root = root;
        }

        /// <summary>Reads and checks the file; throws ArgumentException saying what is wrong.</summary>
        public static SampleSettings Load(string path)
        {
            if (!File.Exists(path))
            {
                throw new ArgumentException(path + " not found: copy settings.example.json, fill it in and deploy it (see the README).");
            }
            byte[] bytes = File.ReadAllBytes(path);
            JsonElement root = JsonReader.Parse(bytes, 0, bytes.Length);
            if (root.Kind != JsonKind.Object)
            {
                throw new ArgumentException(path + " is not a JSON object.");
            }
            return new SampleSettings(root);
        }

        /// <summary>A required string; <paramref name="section"/> null reads the top level.</summary>
        public string Text(string section, string name)
        {
            string value = OptionalText(section, name);
            if (value == null || value.Length == 0)
            {
                throw new ArgumentException("settings.json needs \"" + Where(section, name) + "\".");
            }
            return value;
        }

        public string OptionalText(string section, string name)
        {
            JsonElement value = Find(section, name);
            return value.Kind == JsonKind.String ? value.GetString() : null;
        }

        public long Number(string section, string name, long fallback)
        {
            JsonElement value = Find(section, name);
            long number;
            if (!value.Exists)
            {
                return fallback;
            }
            if (!value.TryGetInt64(out number))
            {
                throw new ArgumentException("\"" + Where(section, name) + "\" in settings.json must be a whole number.");
            }
            return number;
        }

        public bool Flag(string section, string name, bool fallback)
        {
            JsonElement value = Find(section, name);
            bool flag;
            if (!value.Exists)
            {
                return fallback;
            }
            if (!value.TryGetBoolean(out flag))
            {
                throw new ArgumentException("\"" + Where(section, name) + "\" in settings.json must be true or false.");
            }
            return flag;
        }

        /// <summary>The PEM text of the file named by the setting (e.g. "I:\\ca.pem"), or null when the setting is absent.</summary>
        public string Pem(string section, string name)
        {
            string file = OptionalText(section, name);
            if (file == null)
            {
                return null;
            }
            if (!File.Exists(file))
            {
                throw new ArgumentException("\"" + Where(section, name) + "\" names " + file + ", which is not on the device.");
            }
            return File.ReadAllText(file);
        }

        private JsonElement Find(string section, string name)
        {
            JsonElement scope = section == null ? _root : _root.Get(section);
            return scope.Kind == JsonKind.Object ? scope.Get(name) : new JsonElement();
        }

        private static string Where(string section, string name)
        {
            return section == null ? name : section + "." + name;
        }
    }
}
