using RdNas.Nas.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Training;

public sealed class MomentumSgdTests
{
    [Fact]
    public void Step_TwoSteps_MatchesTheHandComputedPyTorchUpdate()
    {
        using var parameter = new Parameter(tensor(new[] { 1.0f }));
        using var optimizer = new MomentumSgd([parameter], learningRate: 0.1, momentum: 0.9, weightDecay: 0.01);

        // Step 1: d = 0.5 + 0.01·1 = 0.51, b = d, θ = 1 − 0.1·0.51 = 0.949.
        parameter.grad = tensor(new[] { 0.5f });
        optimizer.Step();
        Assert.Equal(0.949f, parameter.data<float>()[0], 6);

        // Step 2: d = 0.5 + 0.01·0.949 = 0.50949, b = 0.9·0.51 + d = 0.96849, θ = 0.949 − 0.096849.
        optimizer.Step();
        Assert.Equal(0.852151f, parameter.data<float>()[0], 6);
    }

    [Fact]
    public void Step_ParameterWithoutGradient_IsLeftAlone()
    {
        using var parameter = new Parameter(tensor(new[] { 2.0f }));
        using var optimizer = new MomentumSgd([parameter], learningRate: 0.1, momentum: 0.9, weightDecay: 0.5);

        optimizer.Step();

        Assert.Equal(2.0f, parameter.data<float>()[0]);
    }

    [Fact]
    public void Step_UnusedParameterWithUpdateUnused_IsDecayedAndMovedByMomentumAsPyTorch1ZeroGrad()
    {
        using var parameter = new Parameter(tensor(new[] { 1.0f }));
        using var never = new Parameter(tensor(new[] { 3.0f }));
        using var optimizer = new MomentumSgd([parameter, never], learningRate: 0.1, momentum: 0.9, weightDecay: 0.01, updateUnusedParameters: true);

        // Step 1 as above: θ = 0.949. The parameter that never had a gradient is left alone (PyTorch 1 too: its grad is None).
        parameter.grad = tensor(new[] { 0.5f });
        optimizer.Step();
        // Step 2 skips the parameter (no gradient): d = 0 + 0.01·0.949 = 0.00949, b = 0.9·0.51 + d = 0.46849, θ = 0.949 − 0.046849.
        parameter.grad = null;
        optimizer.Step();

        Assert.Equal(0.902151f, parameter.data<float>()[0], 6);
        Assert.Equal(3.0f, never.data<float>()[0]);
    }

    [Fact]
    public void Step_UnusedParameterWithUpdateUnused_ResumesBitIdentically()
    {
        static float[] Run(bool resume)
        {
            using var parameter = new Parameter(tensor(new[] { 1.0f, -2.0f }));
            var optimizer = new MomentumSgd([parameter], 0.1, 0.9, 0.01, updateUnusedParameters: true);
            parameter.grad = tensor(new[] { 0.5f, 0.25f });
            optimizer.Step();
            parameter.grad = null;
            if (resume)
            {
                using var saved = new MemoryStream();
                using (var writer = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true))
                {
                    optimizer.Save(writer);
                }

                optimizer.Dispose();
                optimizer = new MomentumSgd([parameter], 0.1, 0.9, 0.01, updateUnusedParameters: true);
                saved.Position = 0;
                using var reader = new BinaryReader(saved);
                optimizer.Load(reader);
            }

            optimizer.Step();
            optimizer.Step();
            optimizer.Dispose();
            return parameter.data<float>().ToArray();
        }

        Assert.Equal(Run(resume: false), Run(resume: true));
    }

    [Fact]
    public void Load_OtherParameterCount_NamesBothCounts()
    {
        using var a = new Parameter(tensor(new[] { 1.0f }));
        using var b = new Parameter(tensor(new[] { 1.0f }));
        using var saved = new MemoryStream();
        using (var one = new MomentumSgd([a], 0.1, 0.9, 0))
        using (var writer = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            one.Save(writer);
        }

        saved.Position = 0;
        using var two = new MomentumSgd([a, b], 0.1, 0.9, 0);
        using var reader = new BinaryReader(saved);

        var error = Assert.Throws<InvalidDataException>(() => two.Load(reader));
        Assert.Contains("holds 1 parameters, this model has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ForeignFile_SaysItIsNotAnOptimizerState()
    {
        using var parameter = new Parameter(tensor(new[] { 1.0f }));
        using var optimizer = new MomentumSgd([parameter], 0.1, 0.9, 0);
        using var reader = new BinaryReader(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]));

        var error = Assert.Throws<InvalidDataException>(() => optimizer.Load(reader));

        Assert.Contains("not an optimizer state", error.Message, StringComparison.Ordinal);
    }
}
