using System;
using System.Collections.Generic;
using IotDevice.Topics;
using IotDevice.Transport;

namespace IotDevice.Platforms.Mqtt
{
    /// <summary>The filters one simulated client subscribed, matched with the SDK's own filter rules. Thread-safe.</summary>
    internal sealed class Subscriptions
    {
        private readonly Dictionary<string, MqttQos> _filters = new Dictionary<string, MqttQos>(StringComparer.Ordinal);

        public void Add(string filter, MqttQos qos)
        {
            lock (_filters)
            {
                _filters[filter] = qos;
            }
        }

        public void Clear()
        {
            lock (_filters)
            {
                _filters.Clear();
            }
        }

        public bool Match(string topic)
        {
            lock (_filters)
            {
                foreach (string filter in _filters.Keys)
                {
                    if (TopicText.FilterMatches(filter, topic))
                    {
                        return true;
                    }
                }
                return false;
            }
        }

        /// <summary>Throws ArgumentException for a filter no broker accepts (empty, '#' not last).</summary>
        public static void Check(string filter)
        {
            if (string.IsNullOrEmpty(filter) || filter.IndexOf('\0') >= 0)
            {
                throw new ArgumentException("An MQTT filter cannot be empty.");
            }
            int hash = filter.IndexOf('#');
            if (hash >= 0 && (hash != filter.Length - 1 || (hash > 0 && filter[hash - 1] != '/')))
            {
                throw new ArgumentException("'#' must be the last level of the filter '" + filter + "'.");
            }
        }

        /// <summary>Throws ArgumentException for a topic a client cannot publish to (empty, wildcards).</summary>
        public static void CheckTopic(string topic)
        {
            if (string.IsNullOrEmpty(topic) || topic.IndexOfAny(new[] { '+', '#', '\0' }) >= 0)
            {
                throw new ArgumentException("'" + topic + "' is not a valid MQTT topic name.");
            }
        }
    }
}
