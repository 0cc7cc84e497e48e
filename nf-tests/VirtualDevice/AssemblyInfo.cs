using Microsoft.VisualStudio.TestTools.UnitTesting;

// The runs time steps and start mosquitto on two cores: one at a time keeps them honest.
[assembly: DoNotParallelize]
