using System.CommandLine;
using System.Globalization;
using System.Text;
using RdNas.Cli.Output;
using RdNas.Nas.Data;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Cli.Commands.Space;

/// <summary>
/// <c>rdnas space costs --space resnet48 --out CSV</c>: FLOPs and parameters of the 45,000 Track 1 test architectures
/// (the competition's cheapest teachers), and how they rank the 30 architectures with stand-alone accuracies.
/// </summary>
internal sealed class SpaceCostsCommand : CliCommand
{
    private static readonly Option<string> s_out = new("--out")
    {
        Description = "The CSV to write: name, arch, mflops, params_m",
        Required = true,
    };

    public SpaceCostsCommand(CliConsole console)
        : base("costs", "Write the FLOPs and parameters of the CVPR 2022 Track 1 test architectures (resnet48)", console)
    {
        Options.Add(CommonOptions.Space);
        Options.Add(CommonOptions.Data);
        Options.Add(s_out);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (CommonOptions.ParseSpace(parseResult.GetValue(CommonOptions.Space)!) != SearchSpaceName.ResNet48)
        {
            throw new ArgumentException("space costs covers resnet48's Track 1 test set; for nb201 use 'rdnas proxies score --proxy flops,params'");
        }

        var output = OutputLocation.FileIn("--out", parseResult.GetValue(s_out)!);
        var data = DataDirectory.Resolve(parseResult.GetValue(CommonOptions.Data));
        var architectures = Track1Architectures.LoadTestSet(data);
        var costs = architectures.ToDictionary(
            a => a.Name, a => (Mflops: ResNet48CostModel.Mflops(a.Genotype), Params: ResNet48CostModel.ParamsMillions(a.Genotype)));
        var csv = new StringBuilder("name,arch,mflops,params_m\n");
        foreach (var architecture in architectures)
        {
            var cost = costs[architecture.Name];
            csv.Append(CultureInfo.InvariantCulture, $"{architecture.Name},{architecture.Genotype.Code},{cost.Mflops:F3},{cost.Params:F6}\n");
        }

        AtomicFile.WriteAllText(output, csv.ToString());
        var flops = costs.Values.Select(c => c.Mflops).ToArray();
        Console.Line(string.Create(CultureInfo.InvariantCulture,
            $"resnet48: {architectures.Count} Track 1 test architectures, {flops.Min():F0}–{flops.Max():F0} MFLOPs → {output}"));
        StandaloneCheck.Print(Console, data, ["MFLOPs", "params"], architectures.ToDictionary(a => a.Genotype, a => new[] { costs[a.Name].Mflops, costs[a.Name].Params }));
        return Task.FromResult(ExitCodes.Success);
    }
}
