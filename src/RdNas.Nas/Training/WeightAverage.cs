using RdNas.Nas.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Training;

/// <summary>
/// Stochastic weight averaging (Izmailov et al., 2018): the running mean of the parameters taken at the end of each
/// epoch. A supernet's ranking is read from one point of a noisy trajectory; the mean of its last epochs is a flatter,
/// less seed-dependent point of the same run. Batch-norm statistics are not averaged: the evaluation re-estimates them
/// for every subnet anyway.
/// </summary>
public sealed class WeightAverage : IDisposable
{
    private const string FormatTag = "rdnas.weight-average.v1";

    private readonly Parameter[] _parameters;
    private readonly Tensor[] _means;

    /// <summary>Averages <paramref name="parameters"/> (their order is the saved state's order); no epoch taken yet.</summary>
    public WeightAverage(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        using var noGrad = no_grad();
        _means = [.. _parameters.Select(p => zeros_like(p).DetachFromDisposeScope())];
    }

    /// <summary>How many snapshots the mean holds.</summary>
    public int Count { get; private set; }

    /// <summary>Adds the parameters' current values to the mean: m += (θ − m) / n.</summary>
    public void Add()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Count++;
        for (var i = 0; i < _parameters.Length; i++)
        {
            TensorArithmetic.AddInPlace(_means[i], _parameters[i].sub(_means[i]), 1.0 / Count);
        }
    }

    /// <summary>Overwrites the parameters with the mean (the weights a run is evaluated with).</summary>
    public void CopyToParameters()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("no epoch has been averaged yet");
        }

        using var noGrad = no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].copy_(_means[i]);
        }
    }

    /// <summary>Writes a format tag, the snapshot count and the means.</summary>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(FormatTag);
        writer.Write(Count);
        writer.Write(_means.Length);
        foreach (var mean in _means)
        {
            mean.Save(writer);
        }
    }

    /// <summary>Restores a mean written by <see cref="Save"/> for the same parameter list.</summary>
    public void Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        BinaryFormatTag.Require(reader, FormatTag, "a weight average");

        var count = reader.ReadInt32();
        var tensors = reader.ReadInt32();
        if (tensors != _means.Length)
        {
            throw new InvalidDataException($"weight average holds {tensors} parameters, this model has {_means.Length}");
        }

        foreach (var mean in _means)
        {
            mean.Load(reader);
        }

        Count = count;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var mean in _means)
        {
            mean.Dispose();
        }
    }
}
