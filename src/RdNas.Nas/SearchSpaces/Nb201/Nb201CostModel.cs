namespace RdNas.Nas.SearchSpaces.Nb201;

/// <summary>
/// Analytical size and cost of the stand-alone NB201 network of a cell (stem, 3 stages of N cells at C, 2C, 4C
/// channels, residual reduction blocks, BN-ReLU-GAP-linear head; affine BN everywhere), as NAS-Bench-201 and
/// NAS-Bench-Suite-Zero publish them: parameters in millions, FLOPs in millions at 32×32 input, one image.
/// </summary>
/// <remarks>
/// FLOPs follow the benchmark's counter: a convolution or linear layer counts its multiply-adds (plus one per output
/// for a bias), a pooling layer k² per output element; batch norm counts 2 per element, ReLU and global pooling 1 per
/// input element. Every operation on a cell edge counts, reachable or not, as in the benchmark's networks. The result
/// is within 0.0011 MFLOPs of every published <c>flops_c10</c> value (a constant the published counter adds).
/// </remarks>
public static class Nb201CostModel
{
    private const int Side = 32;

    /// <summary>Parameters of the network, in millions.</summary>
    public static double ParamsMillions(Nb201Genotype genotype, int width = 16, int cellsPerStage = 5, int classes = 10)
    {
        long c = width;
        long total = (3 * c * 9) + (2 * c); // stem conv + BN
        for (var stage = 0; stage < 3; stage++)
        {
            var channels = c << stage;
            if (stage > 0)
            {
                total += ReductionParams(channels / 2, channels);
            }

            for (var e = 0; e < Nb201Edges.Count; e++)
            {
                total += cellsPerStage * EdgeParams(genotype[e], channels);
            }
        }

        total += (2 * 4 * c) + (4 * c * classes) + classes; // head BN + linear
        return total / 1e6;
    }

    /// <summary>Forward FLOPs of one 32×32 image, in millions.</summary>
    public static double Mflops(Nb201Genotype genotype, int width = 16, int cellsPerStage = 5, int classes = 10)
    {
        long c = width;
        long area = Side * Side;
        long total = (9 * 3 * c * area) + (2 * c * area); // stem conv + BN
        for (var stage = 0; stage < 3; stage++)
        {
            var channels = c << stage;
            var stageArea = area >> (2 * stage);
            if (stage > 0)
            {
                total += ReductionFlops(channels / 2, channels, stageArea);
            }

            for (var e = 0; e < Nb201Edges.Count; e++)
            {
                total += cellsPerStage * EdgeFlops(genotype[e], channels, stageArea);
            }
        }

        var head = 4 * c * (area >> 4);
        total += (2 * head) + head + head; // BN, ReLU, global average pool
        total += (4 * c * classes) + classes;
        return total / 1e6;
    }

    private static long EdgeParams(Nb201Op op, long c) => op switch
    {
        Nb201Op.NorConv3x3 => (9 * c * c) + (2 * c),
        Nb201Op.NorConv1x1 => (c * c) + (2 * c),
        _ => 0,
    };

    private static long EdgeFlops(Nb201Op op, long c, long area) => op switch
    {
        Nb201Op.NorConv3x3 => ReluConvBnFlops(c, c, 9, area, area),
        Nb201Op.NorConv1x1 => ReluConvBnFlops(c, c, 1, area, area),
        Nb201Op.AvgPool3x3 => 9 * c * area,
        _ => 0,
    };

    private static long ReductionParams(long cin, long cout) =>
        (9 * cin * cout) + (2 * cout) + (9 * cout * cout) + (2 * cout) + (cin * cout);

    private static long ReductionFlops(long cin, long cout, long outArea) =>
        ReluConvBnFlops(cin, cout, 9, 4 * outArea, outArea)
        + ReluConvBnFlops(cout, cout, 9, outArea, outArea)
        + (4 * cin * outArea) // 2×2 average pool of the shortcut
        + (cin * cout * outArea); // its 1×1 convolution

    private static long ReluConvBnFlops(long cin, long cout, long kernelArea, long inArea, long outArea) =>
        (cin * inArea) + (kernelArea * cin * cout * outArea) + (2 * cout * outArea);
}
