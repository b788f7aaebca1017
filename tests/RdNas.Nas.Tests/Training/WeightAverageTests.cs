using RdNas.Nas.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Training;

public sealed class WeightAverageTests
{
    [Fact]
    public void CopyToParameters_ThreeSnapshots_GivesTheirMean()
    {
        using var parameter = new Parameter(tensor(new[] { 1.0f, -2.0f }));
        using var average = new WeightAverage([parameter]);
        foreach (var value in new[] { 1.0f, 2.0f, 6.0f })
        {
            using (no_grad())
            {
                parameter.fill_(value);
            }

            average.Add();
        }

        average.CopyToParameters();

        Assert.Equal(3, average.Count);
        Assert.Equal([3.0f, 3.0f], parameter.data<float>().ToArray());
    }

    [Fact]
    public void CopyToParameters_NothingAveraged_Throws()
    {
        using var parameter = new Parameter(tensor(new[] { 1.0f }));
        using var average = new WeightAverage([parameter]);

        var error = Assert.Throws<InvalidOperationException>(average.CopyToParameters);

        Assert.Equal("no epoch has been averaged yet", error.Message);
    }

    [Fact]
    public void Load_OtherParameterCount_NamesBothCounts()
    {
        using var a = new Parameter(tensor(new[] { 1.0f }));
        using var b = new Parameter(tensor(new[] { 2.0f }));
        using var twoParameters = new WeightAverage([a, b]);
        using var stream = new MemoryStream();
        twoParameters.Save(new BinaryWriter(stream));
        using var oneParameter = new WeightAverage([a]);
        stream.Position = 0;

        var error = Assert.Throws<InvalidDataException>(() => oneParameter.Load(new BinaryReader(stream)));

        Assert.Equal("weight average holds 2 parameters, this model has 1", error.Message);
    }

    [Fact]
    public void Load_WhatSaveWrote_RestoresMeanAndCount()
    {
        using var parameter = new Parameter(tensor(new[] { 4.0f }));
        using var saved = new WeightAverage([parameter]);
        saved.Add();
        using var stream = new MemoryStream();
        saved.Save(new BinaryWriter(stream));
        using var loaded = new WeightAverage([parameter]);
        using (no_grad())
        {
            parameter.fill_(0.0f);
        }

        stream.Position = 0;
        loaded.Load(new BinaryReader(stream));
        loaded.CopyToParameters();

        Assert.Equal(1, loaded.Count);
        Assert.Equal(4.0f, parameter.data<float>()[0]);
    }

    [Fact]
    public void Load_OtherFileKind_SaysWhatWasExpected()
    {
        using var parameter = new Parameter(tensor(new[] { 1.0f }));
        using var average = new WeightAverage([parameter]);

        var error = Assert.Throws<InvalidDataException>(() => average.Load(new BinaryReader(new MemoryStream([1, 2, 3]))));

        Assert.StartsWith("not a weight average written by this version", error.Message, StringComparison.Ordinal);
    }
}
