using System.Globalization;
using System.Text;
using System.Xml;
using FfaConformance.Records;
using FfaConformance.Reports.Text;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Reports.Junit;

/// <summary>
/// JUnit XML for CI systems and lab dashboards: a test suite per target, a test case per rule, and on each
/// case the rule ID, target, seed, verdict and replay command as properties. Unexpected results are
/// failures, skipped rules are skipped with their reason, expected failures pass with a property saying so.
/// </summary>
public static class JunitReport
{
    public static string Render(RunRecord run)
    {
        // Through bytes, so the declaration says UTF-8, as the file is written.
        using var bytes = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(bytes, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "FfaConformance");
            Counts(xml, run.Results);
            xml.WriteAttributeString("time", Seconds(run.Results.Sum(r => r.Seconds)));
            var rules = run.Rules.ToDictionary(r => r.Id);
            foreach (var target in run.Targets)
            {
                var mine = run.Results.Where(r => r.Target == target.Name).ToArray();
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", Clean(target.Name));
                Counts(xml, mine);
                xml.WriteAttributeString("time", Seconds(mine.Sum(r => r.Seconds)));
                xml.WriteAttributeString("timestamp", run.Run.Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
                Properties(xml, ("adapter", target.Adapter), ("version", target.Version), ("source", target.Source ?? target.Unavailable),
                    ("sha256", target.Sha256), ("compiler", target.Compiler), ("qemu", target.Qemu));
                foreach (var result in mine)
                {
                    Case(xml, result, rules.GetValueOrDefault(result.Rule) ?? new RuleRecord(result.Rule, string.Empty, string.Empty, string.Empty, string.Empty));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static void Case(XmlWriter xml, ResultRecord result, RuleRecord rule)
    {
        var verdict = result.Verdict;
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Clean(result.Rule));
        xml.WriteAttributeString("classname", Clean($"FfaConformance.{result.Target}"));
        xml.WriteAttributeString("time", Seconds(result.Seconds));
        Properties(xml, ("rule", result.Rule), ("target", result.Target), ("seed", result.Seed), ("verdict", verdict.ToString()),
            ("replay", result.Evidence?.ReplayCommand), ("replay-seed", result.Evidence?.Replay), ("expected-failure", result.Expectation?.Reference),
            ("failure-kind", result.Evidence is { } e ? FailureKinds.Word(e.Failing.Kind) : null));
        switch (Verdicts.Lab(result))
        {
            case LabResult.Fail:
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", Clean(result.Explanation.Split('\n')[0]));
                xml.WriteAttributeString("type", verdict.ToString());
                xml.WriteString(Clean(FailureText.Format(result, rule)));
                xml.WriteEndElement();
                break;
            case LabResult.Skip:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", Clean(result.Explanation));
                xml.WriteEndElement();
                break;
            default:
                xml.WriteElementString("system-out", Clean(verdict == Verdict.ExpectedFailure ? FailureText.Format(result, rule) : result.Explanation));
                break;
        }

        xml.WriteEndElement();
    }

    private static void Counts(XmlWriter xml, IReadOnlyCollection<ResultRecord> results)
    {
        xml.WriteAttributeString("tests", results.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", results.Count(r => Verdicts.Lab(r) == LabResult.Fail).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", results.Count(r => Verdicts.Lab(r) == LabResult.Skip).ToString(CultureInfo.InvariantCulture));
    }

    private static void Properties(XmlWriter xml, params (string Name, string? Value)[] properties)
    {
        xml.WriteStartElement("properties");
        foreach (var (name, value) in properties.Where(p => p.Value is not null))
        {
            xml.WriteStartElement("property");
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("value", Clean(value!));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot carry most control characters, even escaped: they are shown as \xNN.</summary>
    private static string Clean(string value)
    {
        if (value.All(XmlConvert.IsXmlChar))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (XmlConvert.IsXmlChar(c))
            {
                text.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
            {
                text.Append(c).Append(value[++i]);
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
        }

        return text.ToString();
    }
}
