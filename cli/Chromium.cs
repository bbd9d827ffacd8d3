using Microsoft.Playwright;

namespace FfaConformance.Cli;

/// <summary>Debian's Chromium (apt-get install chromium) through Playwright, headless, for the report benchmark and screenshots.</summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> Launch()
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"{Path} is missing (apt-get install chromium)");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>ffa screenshot REPORT.html OUT.png [PANEL]: the report, with one result's panel open when its ID (r-N) is given.</summary>
    public static async Task<int> Screenshot(string report, string png, string? panel)
    {
        var (playwright, browser) = await Launch();
        using var owner = playwright;
        await using var open = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1100 } });
        await page.GotoAsync(new Uri(System.IO.Path.GetFullPath(report)).AbsoluteUri + (panel is null ? string.Empty : $"#{panel}"));
        await page.WaitForFunctionAsync("document.body.dataset.ready === '1'");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = png });
        Console.WriteLine($"{png}: {report}{(panel is null ? string.Empty : $" with {panel} open")}");
        return 0;
    }
}
