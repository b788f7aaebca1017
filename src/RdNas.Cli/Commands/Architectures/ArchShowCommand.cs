using System.CommandLine;
using System.Globalization;
using RdNas.Abstractions.Architectures;
using RdNas.Cli.Output;
using Spectre.Console;

namespace RdNas.Cli.Commands.Architectures;

/// <summary>
/// <c>rdnas arch show ARCH</c>: an architecture's benchmark accuracies, its proxy scores (asked with --proxy, computed
/// once per cluster) and the supernet scores experiments recorded, from its architecture grain.
/// </summary>
internal sealed class ArchShowCommand : CliCommand
{
    private static readonly Argument<string> s_arch = new("arch") { Description = "The architecture, such as |nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|+|skip_connect~0|skip_connect~1|nor_conv_3x3~2| (nb201) or a 52-digit code (resnet48)" };

    private static readonly Option<string?> s_proxy = new("--proxy") { Description = "Proxies to score it with, comma-separated (such as flops,synflow)" };

    public ArchShowCommand(CliConsole console)
        : base("show", "Show what the platform knows about an architecture", console)
    {
        Arguments.Add(s_arch);
        Options.Add(CommonOptions.Space);
        Options.Add(s_proxy);
        Options.Add(CommonOptions.Cluster);
        Options.Add(CommonOptions.Data);
        Options.Add(CommonOptions.Format);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var space = parseResult.GetValue(CommonOptions.Space)!;
        _ = CommonOptions.ParseSpace(space);
        var arch = parseResult.GetValue(s_arch)!;
        var scratch = Path.Combine(Path.GetTempPath(), $"rdnas-arch-{Environment.ProcessId}");
        await using var session = await PlatformSession.OpenAsync(parseResult.GetValue(CommonOptions.Cluster), scratch, parseResult.GetValue(CommonOptions.Data), null, null, CommonOptions.QueryConnectTimeout, cancellationToken).ConfigureAwait(false);
        ArchitectureSummary summary;
        try
        {
            foreach (var proxy in (parseResult.GetValue(s_proxy) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await session.Client.GetProxyScoreAsync(space, arch, proxy).ConfigureAwait(false);
            }

            summary = await session.Client.DescribeArchitectureAsync(space, arch).ConfigureAwait(false);
        }
        catch (ArchitectureRejectedException e)
        {
            throw new ArgumentException(e.Message, e);
        }

        if (parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json)
        {
            Console.Json(summary);
            return ExitCodes.Success;
        }

        var table = new Table().AddColumn("what").AddColumn(new TableColumn("value").RightAligned());
        table.Title = new TableTitle(Markup.Escape(summary.Arch));
        foreach (var (column, value) in summary.GroundTruth)
        {
            table.AddRow(Markup.Escape($"ground truth {column}"), value.ToString("F2", CultureInfo.InvariantCulture));
        }

        foreach (var (proxy, value) in summary.ProxyScores)
        {
            table.AddRow(Markup.Escape($"proxy {proxy}"), value.ToString("G6", CultureInfo.InvariantCulture));
        }

        foreach (var score in summary.SupernetScores)
        {
            table.AddRow(Markup.Escape($"supernet of {score.ExperimentId}"), (100 * score.Accuracy).ToString("F2", CultureInfo.InvariantCulture));
        }

        Console.Ansi.Write(table);
        return ExitCodes.Success;
    }
}
