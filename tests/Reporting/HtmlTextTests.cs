using FfaConformance.Reports.Html;

namespace FfaConformance.Tests.Reporting;

/// <summary>The one escaping function of the HTML report.</summary>
[TestFixture]
[Category("Fast")]
public sealed class HtmlTextTests
{
    [TestCase("<b>&\"'", "&lt;b&gt;&amp;&quot;&#39;")]
    [TestCase("a\u0000b\u0007c\u001bd\u007f", "a\\x00b\\x07c\\x1Bd\\x7F")]
    [TestCase("line\nnext\ttab\r", "line\nnext\ttab\\r")]
    [TestCase("pair \ud83d\ude00 ok", "pair \ud83d\ude00 ok")]
    [TestCase("sep\u2028", "sep\\x2028")]
    public void MarkupQuotesAndControlCharactersAreEscaped(string raw, string shown) =>
        Assert.That(Html.Text(raw), Is.EqualTo(shown));

    [Test]
    public void ALoneSurrogateBecomesAReplacementCharacter() =>
        Assert.That(Html.Text(new string(['a', '\ud800', 'b'])), Is.EqualTo("a\uFFFDb"));
}
