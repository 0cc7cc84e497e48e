using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.BuildChecks
{
    /// <summary>
    /// The Windows workflow cannot run here; these keep what it promises in its text: a runner nanobuild
    /// supports, the device solution, every device test project found by its assembly name, both packages.
    /// </summary>
    [TestClass]
    public class WorkflowTests
    {
        private static string Workflow() => File.ReadAllText(RepositoryLayout.PathOf(".github/workflows/nanoframework.yml"));

        [TestMethod]
        public void It_runs_on_a_runner_with_visual_studio_2022()
        {
            // nanobuild copies its MSBuild components only into Visual Studio 2022 or 2019.
            var runners = Regex.Matches(Workflow(), @"runs-on:\s*(\S+)").Select(m => m.Groups[1].Value).ToList();
            Assert.IsTrue(runners.Count > 0);
            Assert.IsTrue(runners.All(r => r == "windows-2022" || r == "windows-2019"), string.Join(", ", runners));
        }

        [TestMethod]
        public void It_builds_the_device_solution_and_finds_test_projects_by_assembly_name()
        {
            string workflow = Workflow();
            StringAssert.Contains(workflow, "msbuild IotDevice.nfproj.sln");
            StringAssert.Contains(workflow, "-eq 'NFUnitTest'");
            Assert.IsFalse(workflow.Contains("NFUnitTest.nfproj"), "name no test project: the workflow finds them all");
            foreach (string project in RepositoryLayout.NfProjects())
            {
                string assembly = RepositoryLayout.Load(project).Descendants().First(e => e.Name.LocalName == "AssemblyName").Value;
                if (assembly == "NFUnitTest")
                {
                    bool hasSettings = File.Exists(Path.Combine(Path.GetDirectoryName(RepositoryLayout.PathOf(project)), "nano.runsettings"))
                        || File.Exists(RepositoryLayout.PathOf("nf-tests/UnitTests/nano.runsettings"));
                    Assert.IsTrue(hasSettings, project + " has no nano.runsettings to run with");
                }
            }
        }

        [TestMethod]
        public void It_packs_every_nuspec()
        {
            string workflow = Workflow();
            StringAssert.Contains(workflow, "nuget pack $spec -BasePath (Split-Path $spec)");
            foreach (object[] spec in NuspecTests.Specs())
            {
                StringAssert.Contains(workflow, "'" + ((string)spec[0]).Replace('/', '\\') + "'");
            }
        }
    }
}
