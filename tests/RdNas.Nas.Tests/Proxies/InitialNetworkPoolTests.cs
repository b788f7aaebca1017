using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Proxies;

public sealed class InitialNetworkPoolTests
{
    private static readonly Nb201SupernetOptions Tiny = Nb201SupernetOptions.Benchmark with { Width = 4, CellsPerStage = 1 };

    [Fact]
    public void Return_UsedNetwork_IsLentAgainAsBuiltAnew()
    {
        var pool = new InitialNetworkPool(idlePerKind: 2);
        using var fresh = Nb201NetworkFactory.Create(Tiny, seed: 3);
        var genotype = Nb201Genotype.Parse("|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|");
        using var images = randn([4, 3, 32, 32], ScalarType.Float32, generator: new Generator(1));

        var lent = pool.Rent(Tiny, seed: 3, ScalarType.Float32);
        using (NewDisposeScope())
        {
            lent.forward(images, genotype).sum().backward(); // gradients, updated running statistics
            foreach (var parameter in lent.parameters())
            {
                using var noGrad = no_grad();
                parameter.mul_(2);
            }

            lent.eval();
        }

        pool.Return(lent);
        var again = pool.Rent(Tiny, seed: 3, ScalarType.Float32);

        Assert.Same(lent, again);
        Assert.True(again.training);
        Assert.All(again.parameters(), p => Assert.Null(p.grad));
        foreach (var ((name, expected), (_, actual)) in fresh.named_parameters().Zip(again.named_parameters()))
        {
            Assert.True(expected.equal(actual).all().item<bool>(), $"parameter {name} is restored");
        }

        foreach (var ((name, expected), (_, actual)) in fresh.named_buffers().Zip(again.named_buffers()))
        {
            Assert.True(expected.equal(actual).all().item<bool>(), $"buffer {name} is restored");
        }

        pool.Return(again);
    }

    [Fact]
    public void Return_BeyondIdleLimit_DisposesAndNotLentTwice()
    {
        var pool = new InitialNetworkPool(idlePerKind: 1);
        var first = pool.Rent(Tiny, seed: 0, ScalarType.Float32);
        var second = pool.Rent(Tiny, seed: 0, ScalarType.Float32);

        pool.Return(first);
        pool.Return(second);

        Assert.Equal(1, pool.IdleCount);
        Assert.Throws<InvalidOperationException>(() => pool.Return(first));
    }
}
