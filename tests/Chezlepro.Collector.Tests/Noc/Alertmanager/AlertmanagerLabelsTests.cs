using Chezlepro.Collector.Noc.Alertmanager;
using Xunit;

namespace Chezlepro.Collector.Tests.Noc.Alertmanager;

public sealed class AlertmanagerLabelsTests
{
    [Theory]
    [InlineData("incident-ack-due:web-mtl-20261121T140000Z", "web-mtl")]
    [InlineData("incident-ack-overdue:a-b-c-20261121T140000Z", "a-b-c")]
    [InlineData("client-notice-due:mail-20261121T140000Z", "mail")]
    [InlineData("incident-update-due:dns-20260101T000000Z", "dns")]
    public void ServiceOf_IncidentIds_TheServiceBeforeTheStamp(string id, string service) =>
        Assert.Equal(service, AlertmanagerLabels.ServiceOf(id));

    [Theory]
    [InlineData("node-offline:lanaudiere/pve1")]
    [InlineData("rpo:vm-101")]
    [InlineData("agent:lanaudiere/pve1/grid-lost")]
    [InlineData("incident-ack-due:web-mtl")]
    [InlineData("incident-ack-due:-20261121T140000Z")]
    [InlineData("incident-ack-due:web-20261321T140000Z")]
    [InlineData("incident-ack-due:web-20261121T140000")]
    [InlineData("incident-ack-due")]
    [InlineData("")]
    [InlineData(":::")]
    public void ServiceOf_OtherOrMalformedIds_Null(string id) => Assert.Null(AlertmanagerLabels.ServiceOf(id));
}
