using System.Globalization;
using System.Xml;
using LbOperator.Core.Analysis;

namespace LbOperator.Check.Reports;

/// <summary>
/// JUnit XML for CI systems that show test reports: one test case per entry point, failed by each of
/// its findings at or above <c>--fail-on</c>; each input error is a test case in error.
/// </summary>
internal sealed class JunitReportWriter : IReportWriter
{
    public void Write(CheckResult result, TextWriter output, bool useColour)
    {
        var report = result.Report;
        var failing = report.Findings.Where(result.Fails).ToArray();
        var failedCases = report.EntryPoints.Count(e => failing.Any(f => Concerns(f, e)));
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, CloseOutput = false };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "lb-operator check");
            xml.WriteAttributeString("tests", Number(report.EntryPoints.Count + result.Errors.Count));
            xml.WriteAttributeString("failures", Number(failedCases));
            xml.WriteAttributeString("errors", Number(result.Errors.Count));
            foreach (var entryPoint in report.EntryPoints)
            {
                var owner = entryPoint.EntryPoint.Owner;
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", owner.ToString());
                xml.WriteAttributeString("name", entryPoint.EntryPoint.Name);
                foreach (var finding in failing.Where(f => Concerns(f, entryPoint)))
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("type", $"{finding.RuleId} {finding.RuleName}");
                    xml.WriteAttributeString("message", $"{SeverityNames.Of(finding.Severity)} {finding.RuleId} {finding.Object}: {finding.Message}");
                    xml.WriteString(finding.Message);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            foreach (var error in result.Errors)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", "input");
                xml.WriteAttributeString("name", error.File);
                xml.WriteStartElement("error");
                xml.WriteAttributeString("message", error.ToString());
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        output.WriteLine();
    }

    private static bool Concerns(Finding finding, EntryPointResult result) =>
        finding.EntryPoint == result.EntryPoint.Name
        && (finding.Object == result.EntryPoint.Owner || result.EntryPoint.Objects.Contains(finding.Object));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
