using RdNas.Nas.Modules;
using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.Nb201;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RdNas.Nas.Supernets.Nb201;

/// <summary>
/// The NAS-Bench-201 weight-sharing supernet: stem conv3×3 + BN; three stages of N searchable cells at C, 2C and 4C
/// channels joined by residual reduction blocks; head BN-ReLU, global average pool, (dropout,) linear. A forward pass takes the
/// genotype that every cell shares and runs only its operations (single path).
/// </summary>
public sealed class Nb201Supernet : Module<Tensor, Nb201Genotype, Tensor>
{
    private readonly Module<Tensor, Tensor> stem;
    private readonly ModuleList<Nb201SupernetCell> cells;
    private readonly ModuleList<ResidualReductionBlock> reductions;
    private readonly Module<Tensor, Tensor> lastact;
    private readonly SeededDropout dropout;
    private readonly Linear classifier;
    private readonly int _cellsPerStage;
    private readonly int _inputDownsample;
    private readonly Nb201SearchSpace _space;

    /// <summary>Builds the supernet; weights come from TorchSharp's default initialisation under the global seed.</summary>
    public Nb201Supernet(Nb201SupernetOptions options)
        : base(nameof(Nb201Supernet))
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _space = new Nb201SearchSpace(options.OpCount);
        var ops = _space.Ops;
        var c = options.Width;
        _cellsPerStage = options.CellsPerStage;
        _inputDownsample = options.InputDownsample;
        var batchNorm = options.BatchNorm;
        stem = Sequential(("conv", Conv2d(3, c, 3, padding: 1, bias: false)), ("bn", OptionalBatchNorm.Create(c, affine: true, batchNorm)));
        cells = ModuleList(Enumerable.Range(0, 3 * _cellsPerStage).Select(i => new Nb201SupernetCell(c << (i / _cellsPerStage), ops, options.CellAffine, batchNorm)).ToArray());
        reductions = ModuleList(new ResidualReductionBlock(c, 2 * c, batchNorm, options.ReductionAffine), new ResidualReductionBlock(2 * c, 4 * c, batchNorm, options.ReductionAffine));
        lastact = Sequential(("bn", OptionalBatchNorm.Create(4 * c, affine: true, batchNorm)), ("relu", ReLU()));
        dropout = new SeededDropout(options.HeadDropout);
        classifier = Linear(4 * c, options.ClassCount);
        RegisterComponents();
    }

    /// <summary>The device the weights are on, where inputs must be (moved with <c>Module.to(device)</c>).</summary>
    public Device Device => classifier.weight!.device;

    /// <summary>
    /// Where the head's dropout masks come from while training (<see cref="Nb201SupernetOptions.HeadDropout"/>); the
    /// trainer gives its own seeded stream and saves its state with the checkpoint.
    /// </summary>
    public SeededGenerator? DropoutGenerator
    {
        get => dropout.Generator;
        set => dropout.Generator = value;
    }

    /// <summary>Logits of the subnet <paramref name="genotype"/> for a batch of images.</summary>
    public override Tensor forward(Tensor input, Nb201Genotype genotype)
    {
        using var scope = NewDisposeScope();
        var features = Features(input, genotype);
        var pooled = functional.adaptive_avg_pool2d(features, 1).flatten(1);
        features.Dispose();
        return classifier.forward(dropout.forward(pooled)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The feature map of the subnet <paramref name="genotype"/> before global average pooling (after the head's
    /// BN-ReLU): (batch, 4C, 8, 8). Zen-NAS scores this map.
    /// </summary>
    public Tensor Features(Tensor input, Nb201Genotype genotype)
    {
        if (!_space.Contains(genotype))
        {
            throw new ArgumentException($"subnet {genotype}: none is not a candidate of this {_space.Ops.Count}-op supernet", nameof(genotype));
        }

        using var scope = NewDisposeScope();
        var x = stem.forward(_inputDownsample == 1 ? input : functional.avg_pool2d(input, _inputDownsample));
        for (var stage = 0; stage < 3; stage++)
        {
            if (stage > 0)
            {
                x = Replace(x, reductions[stage - 1].forward(x));
            }

            for (var i = 0; i < _cellsPerStage; i++)
            {
                x = Replace(x, cells[(stage * _cellsPerStage) + i].forward(x, genotype));
            }
        }

        return lastact.forward(x).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The modules the subnet <paramref name="genotype"/> is made of, as a stand-alone network of that cell would have
    /// them: stem, each cell's chosen operations (also those whose output is cut off by <c>none</c>), reductions, head
    /// and classifier. Candidates the subnet does not choose are left out.
    /// </summary>
    public IEnumerable<nn.Module> SubnetModules(Nb201Genotype genotype)
    {
        IEnumerable<nn.Module> parts = [stem, .. reductions, lastact, dropout, classifier];
        return parts.Concat(cells.SelectMany(cell => cell.SubnetModules(genotype)))
            .SelectMany(module => module.modules().Prepend(module))
            .Distinct(ReferenceEqualityComparer.Instance)
            .Cast<nn.Module>();
    }

    // Frees the previous activation's handle at once; autograd keeps what backward needs.
    private static Tensor Replace(Tensor previous, Tensor next)
    {
        if (!ReferenceEquals(previous, next))
        {
            previous.Dispose();
        }

        return next;
    }
}
