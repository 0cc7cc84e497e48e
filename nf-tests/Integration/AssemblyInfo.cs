using Microsoft.VisualStudio.TestTools.UnitTesting;

// The tests start broker processes, pause them and time keep-alive deadlines on two cores: running
// them one at a time keeps those timings honest.
[assembly: DoNotParallelize]
