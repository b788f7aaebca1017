using RdNas.Nas.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Training;

/// <summary>
/// SGD with momentum and L2 weight decay, the update of PyTorch's <c>torch.optim.SGD</c> (no dampening, no Nesterov):
/// d = g + λθ; b = μb + d (b = d on a parameter's first step); θ = θ − η·b. Parameters without a gradient in a step
/// (operations the sampled subnet did not use) are left alone, momentum included, as PyTorch 2 does with gradients
/// cleared to none — unless <see cref="UpdateUnusedParameters"/>, which steps them as PyTorch 1's zeroed gradients did.
/// </summary>
/// <remarks>
/// Written here rather than taken from TorchSharp 0.107, whose <c>SGD.step</c> passes implicitly converted scalars to
/// native code and lets the finalizer free them, which can race with the call (see <see cref="TensorArithmetic"/>).
/// Its state is the momentum buffers, saved and restored exactly for bit-identical resumption.
/// </remarks>
public sealed class MomentumSgd : IDisposable
{
    private const string FormatTag = "rdnas.momentum-sgd.v1";

    private readonly Parameter[] _parameters;
    private readonly Tensor?[] _buffers;

    /// <summary>Optimises <paramref name="parameters"/> (their order is the state's order).</summary>
    public MomentumSgd(IEnumerable<Parameter> parameters, double learningRate, double momentum, double weightDecay, bool updateUnusedParameters = false)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        _buffers = new Tensor?[_parameters.Length];
        LearningRate = learningRate;
        Momentum = momentum;
        WeightDecay = weightDecay;
        UpdateUnusedParameters = updateUnusedParameters;
    }

    /// <summary>The step size η, set per epoch by the schedule.</summary>
    public double LearningRate { get; set; }

    /// <summary>The momentum μ.</summary>
    public double Momentum { get; }

    /// <summary>The L2 weight decay λ.</summary>
    public double WeightDecay { get; }

    /// <summary>
    /// Whether a parameter that had a gradient once (it has a momentum buffer) is stepped with a zero gradient when the
    /// step's subnet skips it: decayed and moved on by its momentum. This is PyTorch 1's <c>optimizer.zero_grad()</c>,
    /// which zeroed gradients instead of clearing them, and so the behaviour of one-shot NAS code written for it. The
    /// state needs nothing more: a parameter is stepped exactly when it has a buffer, so resuming stays bit-identical.
    /// </summary>
    public bool UpdateUnusedParameters { get; }

    /// <summary>Updates every parameter that has a gradient (and, with <see cref="UpdateUnusedParameters"/>, every one that had).</summary>
    public void Step()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var decay = WeightDecay.ToScalar();
        using var momentum = Momentum.ToScalar();
        using var one = 1.0.ToScalar();
        using var step = (-LearningRate).ToScalar();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            Tensor update;
            if (parameter.grad is { } grad)
            {
                update = grad.add(parameter, decay);
            }
            else if (UpdateUnusedParameters && _buffers[i] is not null)
            {
                update = parameter.mul(decay); // a zero gradient plus the decay
            }
            else
            {
                continue;
            }

            if (_buffers[i] is { } buffer)
            {
                buffer.mul_(momentum).add_(update, one);
            }
            else
            {
                buffer = update.clone().DetachFromDisposeScope();
                _buffers[i] = buffer;
            }

            parameter.add_(buffer, step);
        }
    }

    /// <summary>Writes a format tag, then the momentum buffers (a flag per parameter, then the buffer if it exists).</summary>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(FormatTag);
        writer.Write(_buffers.Length);
        foreach (var buffer in _buffers)
        {
            writer.Write(buffer is not null);
            buffer?.Save(writer);
        }
    }

    /// <summary>Restores buffers written by <see cref="Save"/> for the same parameter list.</summary>
    public void Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        BinaryFormatTag.Require(reader, FormatTag, "an optimizer state");

        var count = reader.ReadInt32();
        if (count != _buffers.Length)
        {
            throw new InvalidDataException($"optimizer state holds {count} parameters, this model has {_buffers.Length}");
        }

        for (var i = 0; i < count; i++)
        {
            _buffers[i]?.Dispose();
            _buffers[i] = null;
            if (reader.ReadBoolean())
            {
                var buffer = zeros_like(_parameters[i]).DetachFromDisposeScope();
                buffer.Load(reader);
                _buffers[i] = buffer;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var buffer in _buffers)
        {
            buffer?.Dispose();
        }
    }
}
