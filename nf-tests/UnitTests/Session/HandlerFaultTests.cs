using System;
using System.Collections;
using IotDevice.Session;
using IotDevice.Transport;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    /// <summary>
    /// What an app's handler or the dialect throws while the session tells them of an event stays there:
    /// the session goes on connecting, sending and telling the handlers after the one that failed.
    /// </summary>
    [TestClass]
    public class HandlerFaultTests
    {
        private static SessionOptions Options()
        {
            SessionOptions options = DeviceRig.Quick();
            options.Clock = new ManualClock();
            return options;
        }

        [TestMethod]
        public void Handlers_that_throw_leave_the_session_sending_and_later_events_told()
        {
            FakeTransport transport = new FakeTransport();
            DeviceSession session = new DeviceSession(transport, new TestDialect(), Options());
            ArrayList told = new ArrayList();
            session.StateChanged += (state, detail) =>
            {
                told.Add("state " + ((int)state).ToString());
                throw new InvalidOperationException("state handler exploded");
            };
            session.Log += line =>
            {
                throw new InvalidOperationException("logger exploded");
            };
            session.MessageDelivered += message =>
            {
                lock (told)
                {
                    told.Add("delivered " + message.Topic);
                }
                throw new InvalidOperationException("delivery handler exploded");
            };
            PendingRequest completed = null;
            session.RequestDelivered += request => completed = request;
            session.Start();
            try
            {
                Waits.Until(() => session.IsAnnounced, "connected and announced despite the state handler");
                byte[] body = System.Text.Encoding.UTF8.GetBytes("[]");
                PendingRequest report;
                Assert.AreEqual((int)SendResult.Accepted, (int)session.SendReport("up/p", body, body.Length, MqttQos.AtLeastOnce, session.NewId(), out report));
                Waits.Until(() => completed != null, "the report's request completed after the delivery handler threw");
                Assert.AreSame(report, completed);
                Assert.AreEqual((int)SendResult.Accepted, (int)session.Publish("up/t", body, body.Length, MqttQos.AtLeastOnce, false, null));
                Waits.Until(() => session.Counters.Delivered == 2, "the report and the publish delivered");
                lock (told)
                {
                    Assert.IsTrue(told.Contains("state " + ((int)SessionState.Connected).ToString()), "the state handler was told of the connection");
                    Assert.IsTrue(told.Contains("delivered up/p"), "the delivery handler was told of the report");
                    Assert.IsTrue(told.Contains("delivered up/t"), "and told again after it threw");
                }
                Assert.IsTrue(session.IsConnected);
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void An_announcement_that_throws_is_logged_and_the_session_serves()
        {
            FakeTransport transport = new FakeTransport();
            TestDialect dialect = new TestDialect();
            dialect.ThrowOnConnected = true;
            DeviceSession session = new DeviceSession(transport, dialect, Options());
            ArrayList lines = new ArrayList();
            session.Log += line =>
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            };
            session.Start();
            try
            {
                Waits.Until(() => session.IsAnnounced, "served although the announcement threw");
                Assert.AreEqual(1, dialect.Announcements);
                bool logged = false;
                lock (lines)
                {
                    foreach (string line in lines)
                    {
                        logged |= line.IndexOf("announcement exploded") >= 0;
                    }
                }
                Assert.IsTrue(logged, "the failure is in the log with its message");
                byte[] body = System.Text.Encoding.UTF8.GetBytes("23.5");
                Assert.AreEqual((int)SendResult.Accepted, (int)session.Publish("up/t", body, body.Length, MqttQos.AtLeastOnce, false, null));
                Waits.Until(() => session.Counters.Delivered == 1, "a publish delivered after the failed announcement");
            }
            finally
            {
                session.Stop();
            }
        }
    }
}
