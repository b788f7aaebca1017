using System.CommandLine;
using RdNas.Cli.Commands;
using RdNas.Cli.Commands.Architectures;
using RdNas.Cli.Commands.Device;
using RdNas.Cli.Commands.Experiments;
using RdNas.Cli.Commands.Proxies;
using RdNas.Cli.Commands.Search;
using RdNas.Cli.Commands.Space;
using RdNas.Cli.Output;

namespace RdNas.Cli;

/// <summary>Builds the <c>rdnas</c> command tree; tests build it with consoles that write to strings.</summary>
public static class RdNasCommandLine
{
    /// <summary>The root command with every noun and verb.</summary>
    public static RootCommand Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var space = new Command("space", "Inspect search spaces, architecture strings and architecture costs")
        {
            new SpaceInfoCommand(console),
            new SpaceValidateCommand(console),
            new SpaceCostsCommand(console),
        };
        var proxies = new Command("proxies", "Score and rank architectures with zero-cost proxies")
        {
            new ProxiesScoreCommand(console),
            new ProxiesRankCommand(console),
        };
        var experiments = new Command("experiments", "List, inspect, cancel, resume and fetch the experiments of a cluster")
        {
            new ExperimentsListCommand(console),
            new ExperimentsShowCommand(console),
            new ExperimentsCancelCommand(console),
            new ExperimentsResumeCommand(console),
            new ExperimentsFetchCommand(console),
            new ExperimentsDeleteCommand(console),
        };
        var arch = new Command("arch", "Query architecture grains: benchmark accuracy, proxy scores, supernet scores")
        {
            new ArchShowCommand(console),
        };
        return new RootCommand("RdNas: one-shot NAS with ranking distillation from zero-cost proxies")
        {
            space,
            proxies,
            new TrainCommand(console),
            new EvaluateCommand(console),
            new CompareCommand(console),
            new SearchCommand(console),
            experiments,
            arch,
            new DeviceCommand(console),
        };
    }
}
