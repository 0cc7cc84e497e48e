namespace IotDevice.Boards
{
    /// <summary>The ESP32 family members the board definitions use.</summary>
    public enum Chip
    {
        /// <summary>The original ESP32 (Xtensa dual core): input-only GPIO 34–39, flash on GPIO 6–11.</summary>
        Esp32 = 1,

        /// <summary>ESP32-S3: no input-only pins, flash on GPIO 26–32, octal PSRAM on 33–37, USB on 19/20.</summary>
        Esp32S3 = 2,

        /// <summary>ESP32-C3 (RISC-V single core): GPIO 0–21, flash on 12–17, USB on 18/19.</summary>
        Esp32C3 = 3,
    }
}
