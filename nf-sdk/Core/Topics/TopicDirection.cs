using System;

namespace IotDevice.Topics
{
    /// <summary>Which way a topic flows, seen from the device.</summary>
    [Flags]
    public enum TopicDirection
    {
        None = 0,

        /// <summary>The device publishes on it.</summary>
        Publish = 1,

        /// <summary>The device receives on it (subscribes).</summary>
        Subscribe = 2,

        /// <summary>Both (Alink custom topics).</summary>
        Both = 3,
    }
}
